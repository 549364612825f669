import { Alert, Button, Flex, List, Typography } from 'antd';
import type { SectionConflict } from '@dr/graphql-client';
import { formatDateTime } from '../format/date-format';

/** Props of {@link ConflictPanel}. */
export interface ConflictPanelProps {
  conflict: SectionConflict;
  onReload: () => void;
  onDiscard: () => void;
  busy?: boolean;
}

/**
 * A save refused because someone else changed the record first (CONFLICT). Nothing is overwritten:
 * it lists who changed what (label, before → after), then the user loads the newer version with their
 * own changes put back on top (to check and save again), or drops their changes.
 */
export function ConflictPanel({ conflict, onReload, onDiscard, busy }: ConflictPanelProps) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict-panel"
      title="记录已被他人修改，您的修改尚未保存"
      description={
        <Flex vertical gap={8}>
          <Typography.Text>
            服务器上已是第 {conflict.currentVersion ?? '—'} 版。以下是您打开之后的修改；您的修改仍保存在本机，不会被覆盖。
          </Typography.Text>
          {conflict.changes.length > 0 && (
            <List
              size="small"
              dataSource={conflict.changes}
              data-testid="conflict-changes"
              renderItem={(change) => (
                <List.Item style={{ display: 'block', paddingInline: 0 }}>
                  <Typography.Text strong>
                    第 {change.version} 版 · {change.by}
                    {change.at ? ` · ${formatDateTime(change.at)}` : ''}
                  </Typography.Text>
                  {change.changes.map((field, index) => (
                    <div key={`${field.field}-${index}`} data-testid="conflict-change">
                      {field.label}：<Typography.Text delete type="secondary">{field.before ?? '（空）'}</Typography.Text> → {field.after ?? '（空）'}
                    </div>
                  ))}
                </List.Item>
              )}
            />
          )}
          <Flex gap={8} wrap>
            <Button type="primary" onClick={onReload} loading={busy} style={{ minHeight: 44 }} data-testid="conflict-reload">
              载入最新版本并保留我的修改
            </Button>
            <Button onClick={onDiscard} disabled={busy} style={{ minHeight: 44 }} data-testid="conflict-discard">
              放弃我的修改
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
