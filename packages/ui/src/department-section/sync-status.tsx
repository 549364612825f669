import { CheckCircleOutlined, CloudUploadOutlined, DisconnectOutlined, ExclamationCircleOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { OutboxScopeState } from '@dr/graphql-client';

/** Props of {@link SyncStatus}. */
export interface SyncStatusProps {
  sync: OutboxScopeState;
  /** The draft has changes not yet queued (kept on the device only). */
  dirty: boolean;
}

/**
 * Where the department's writes stand, always visible: 已同步, 未发送 N 项（离线）, 等待发送 N 项,
 * 同步中, 冲突, 发送失败; plus 有未保存的修改 while the draft is only on the device.
 * `data-testid="sync-status"`, `data-state` the machine-readable state.
 */
export function SyncStatus({ sync, dirty }: SyncStatusProps) {
  let tag: { color: string; icon: ReactNode; text: string };
  switch (sync.state) {
    case 'conflict':
      tag = { color: 'error', icon: <WarningOutlined />, text: '冲突：记录已被他人修改' };
      break;
    case 'failed':
      tag = { color: 'error', icon: <ExclamationCircleOutlined />, text: '发送被拒绝' };
      break;
    case 'syncing':
      tag = { color: 'processing', icon: <SyncOutlined spin />, text: sync.pendingCount > 1 ? `同步中（${sync.pendingCount} 项）` : '同步中' };
      break;
    case 'offline':
      tag = { color: 'warning', icon: <DisconnectOutlined />, text: `未发送 ${sync.pendingCount} 项（离线）` };
      break;
    case 'pending':
      tag = { color: 'warning', icon: <CloudUploadOutlined />, text: `未发送 ${sync.pendingCount} 项${sync.retryAt ? '（稍后重试）' : ''}` };
      break;
    default:
      tag = dirty
        ? { color: 'default', icon: <ExclamationCircleOutlined />, text: '有未保存的修改（已存于本机）' }
        : { color: 'success', icon: <CheckCircleOutlined />, text: '已同步' };
  }
  return (
    <Tag color={tag.color} icon={tag.icon} data-testid="sync-status" data-state={sync.state === 'synced' && dirty ? 'unsaved' : sync.state} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {tag.text}
    </Tag>
  );
}
