import { useRef, type ChangeEvent } from 'react';
import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';

/** Props of {@link EvidencePicker}. */
export interface EvidencePickerProps {
  /** Item code, for test ids (`evidence-C1`, `evidence-camera-C1`) and labels. */
  code: string;
  onPick: (files: File[]) => void;
  disabled?: boolean;
}

/**
 * 拍照 opens the phone's rear camera (`capture="environment"`); 选择文件 picks photos or PDFs already
 * on the device. Both are real file inputs behind touch-sized buttons.
 */
export function EvidencePicker({ code, onPick, disabled }: EvidencePickerProps) {
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const take = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Reset so the same file can be chosen again after it was removed.
    event.target.value = '';
    if (files.length) onPick(files);
  };
  return (
    <Flex gap={8} wrap>
      <Button icon={<CameraOutlined />} disabled={disabled} onClick={() => camera.current?.click()} style={{ minHeight: 44 }} data-testid={`evidence-camera-button-${code}`}>
        拍照取证
      </Button>
      <Button icon={<PaperClipOutlined />} disabled={disabled} onClick={() => picker.current?.click()} style={{ minHeight: 44 }} data-testid={`evidence-file-button-${code}`}>
        选择文件
      </Button>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={take}
        aria-label={`${code} 拍照取证`}
        data-testid={`evidence-camera-${code}`}
      />
      <input
        ref={picker}
        type="file"
        accept="image/*,application/pdf"
        multiple
        hidden
        onChange={take}
        aria-label={`${code} 选择证据文件`}
        data-testid={`evidence-${code}`}
      />
    </Flex>
  );
}
