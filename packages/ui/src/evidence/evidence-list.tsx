import { useEffect, useState } from 'react';
import { DeleteOutlined, FilePdfOutlined, FileOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Popconfirm, Tag, Typography } from 'antd';
import { formatFileSize } from './prepare-evidence-file';
import type { EvidenceView } from './evidence-types';

/** Props of {@link EvidenceList}. */
export interface EvidenceListProps {
  items: readonly EvidenceView[];
  /** Reads the bytes: from the server with the bearer token, or from the device while waiting. */
  loadBlob: (item: EvidenceView) => Promise<Blob>;
  /**
   * Offered while the record is open: evidence waiting on the device goes at once; evidence on the
   * server after a confirmation (it is taken off the record; the server keeps it for the audit).
   */
  onRemove?: (item: EvidenceView) => void;
  /** Item code for test ids. */
  code: string;
}

const STATUS_TAG: Record<EvidenceView['status'], { label: string; color: string } | null> = {
  uploaded: null,
  pending: { label: '待上传', color: 'warning' },
  uploading: { label: '上传中', color: 'processing' },
  failed: { label: '上传失败', color: 'error' },
};

/** An object URL of the evidence's bytes while the component is shown; revoked afterwards. */
function useObjectUrl(item: EvidenceView, loadBlob: EvidenceListProps['loadBlob'], wanted: boolean): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  useEffect(() => {
    if (!wanted) return undefined;
    let url: string | null = null;
    let live = true;
    loadBlob(item)
      .then((blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setState({ url, failed: false });
      })
      .catch(() => live && setState({ url: null, failed: true }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
    // The bytes of one key never change.
  }, [item.key, wanted]);
  return state;
}

function EvidenceTile({ item, loadBlob, onRemove, code }: { item: EvidenceView; loadBlob: EvidenceListProps['loadBlob']; onRemove?: EvidenceListProps['onRemove']; code: string }) {
  const image = item.contentType.startsWith('image/');
  const { url, failed } = useObjectUrl(item, loadBlob, image && item.status !== 'failed');
  const status = STATUS_TAG[item.status];
  const openFile = async () => {
    // Opened while the tap still counts as a user gesture (phones block pop-ups opened later).
    const opened = window.open('about:blank', '_blank');
    try {
      const objectUrl = URL.createObjectURL(await loadBlob(item));
      if (opened) opened.location.href = objectUrl;
      else window.location.assign(objectUrl);
      setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    } catch {
      opened?.close();
    }
  };
  let preview;
  if (image && url) {
    preview = <Image src={url} width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} alt={item.fileName} preview={{ src: url }} />;
  } else if (image && !failed && item.status !== 'failed') {
    preview = (
      <Flex align="center" justify="center" style={{ width: 64, height: 64, background: '#f5f5f5', borderRadius: 4 }}>
        <LoadingOutlined />
      </Flex>
    );
  } else {
    preview = (
      <Button
        type="text"
        onClick={() => void openFile()}
        disabled={item.status === 'failed'}
        style={{ width: 64, height: 64, background: '#f5f5f5' }}
        aria-label={`查看 ${item.fileName}`}
        icon={item.contentType === 'application/pdf' ? <FilePdfOutlined style={{ fontSize: 28, color: '#cf1322' }} /> : <FileOutlined style={{ fontSize: 28 }} />}
      />
    );
  }
  return (
    <Flex gap={8} align="center" data-testid={`evidence-item-${code}`} data-status={item.status}>
      {preview}
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
          {item.fileName}
        </Typography.Text>
        <Flex gap={4} align="center" wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatFileSize(item.size)}
          </Typography.Text>
          {status && (
            <Tag color={status.color} style={{ marginInlineEnd: 0 }}>
              {status.label}
            </Tag>
          )}
        </Flex>
        {item.error && (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`evidence-error-${code}`}>
            {item.error}
          </Typography.Text>
        )}
      </Flex>
      {onRemove && item.status === 'uploaded' && (
        <Popconfirm
          title="删除这份证据？"
          description="删除后不再列入本部门检查记录（系统保留删除记录备查）。"
          okText="删除"
          cancelText="取消"
          // Finger-sized buttons: the popover's default small ones are hard to hit on a phone.
          okButtonProps={{ danger: true, size: 'middle', ...{ 'data-testid': `evidence-remove-confirm-${code}` } }}
          cancelButtonProps={{ size: 'middle' }}
          onConfirm={() => onRemove(item)}
        >
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除 ${item.fileName}`} data-testid={`evidence-remove-${code}`} style={{ minWidth: 44, minHeight: 44 }} />
        </Popconfirm>
      )}
      {onRemove && (item.status === 'pending' || item.status === 'failed') && (
        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(item)} aria-label={`删除 ${item.fileName}`} data-testid={`evidence-remove-${code}`} style={{ minWidth: 44, minHeight: 44 }} />
      )}
    </Flex>
  );
}

/**
 * The evidence of one check item: thumbnails of photos (tap to enlarge), an icon for PDFs (tap to
 * open), file name, size, and whether it is still waiting on the device or was refused.
 */
export function EvidenceList({ items, loadBlob, onRemove, code }: EvidenceListProps) {
  if (items.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Flex vertical gap={8} data-testid={`evidence-list-${code}`}>
        {items.map((item) => (
          <EvidenceTile key={item.key} item={item} loadBlob={loadBlob} onRemove={onRemove} code={code} />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
