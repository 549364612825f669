import { useRef, useState } from 'react';
import { Button, Flex, Image, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { downscaleImage, type DownscaledImage } from './downscale-image';

/** Props of {@link CameraPhotoInput}; `value`/`onChange` fit a Form.Item. */
export interface CameraPhotoInputProps {
  /** The photo as a JPEG data URL, or null. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Text of the button, e.g. `拍摄公章`. */
  buttonText?: string;
  /** Longest side of the kept photo (default 1600). */
  maxSide?: number;
  disabled?: boolean;
  /** `data-testid` of the file input; the preview is `-preview`, remove `-remove`, error `-error`. */
  testId?: string;
}

/**
 * Takes a photo with the phone's rear camera (a file picker on a desktop) and keeps it downscaled
 * in the browser as a JPEG data URL, with a preview and 重拍/删除.
 */
export function CameraPhotoInput({ value, onChange, buttonText = '拍照', maxSide = 1600, disabled = false, testId = 'camera-photo' }: CameraPhotoInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const photo: DownscaledImage = await downscaleImage(file, { maxSide });
      onChange?.(photo.dataUrl);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '无法读取该图片');
    } finally {
      setBusy(false);
      // The same file may be chosen again after 删除.
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={8}>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        style={{ display: 'none' }}
        onChange={(event) => void pick(event.target.files?.[0])}
        data-testid={testId}
      />
      {value && (
        <Image src={value} alt="照片" style={{ maxHeight: 200, objectFit: 'contain' }} data-testid={`${testId}-preview`} />
      )}
      <Flex gap={8} wrap>
        <Button size="large" icon={<CameraOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()} data-testid={`${testId}-take`}>
          {value ? '重拍' : buttonText}
        </Button>
        {value && (
          <Button size="large" icon={<DeleteOutlined />} disabled={disabled} onClick={() => onChange?.(null)} data-testid={`${testId}-remove`}>
            删除
          </Button>
        )}
      </Flex>
      {error && (
        <Typography.Text type="danger" data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}
