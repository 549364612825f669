import { useEffect, useState } from 'react';
import { App, Button, Flex, Skeleton, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { describeGraphQLError } from '@dr/graphql-client';
import { downloadBlob } from '@dr/ui';
import { useGatewayFiles } from '../files/use-gateway-files';

/** Props of {@link PdfButtons}. */
export interface PdfButtonsProps {
  /** Path of the PDF on the gateway, e.g. `/files/inspections/…/record-form.pdf`. */
  path: string;
  /** Name the download is saved under. */
  fileName: string;
  /** What the PDF is, e.g. `告知书`: the buttons read 下载告知书 / 打印告知书. */
  what: string;
  /** `data-testid` prefix: `${testId}-download`, `${testId}-print`. */
  testId: string;
  block?: boolean;
}

/**
 * 下载 and 打印 of a PDF that needs the bearer token (a plain link cannot send it): the file is
 * fetched, then saved, or opened in a new tab whose PDF viewer prints it (on a phone, the system
 * viewer prints or shares it).
 */
export function PdfButtons({ path, fileName, what, testId, block }: PdfButtonsProps) {
  const files = useGatewayFiles();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'download' | 'print' | null>(null);

  const download = async () => {
    setBusy('download');
    try {
      downloadBlob(await files.download(path), fileName);
    } catch (error) {
      void message.error(`${what}下载失败：${describeGraphQLError(error)}`);
    } finally {
      setBusy(null);
    }
  };

  const print = async () => {
    // Opened before the fetch, while the tap still counts as a user gesture: no popup blocker.
    const tab = window.open('', '_blank');
    setBusy('print');
    try {
      const blob = await files.download(path);
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      if (tab) {
        tab.location.href = url;
        // Revoked much later: the tab reads the URL when it navigates, and may reload it.
        setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
      } else {
        downloadBlob(blob, fileName);
        URL.revokeObjectURL(url);
      }
    } catch (error) {
      tab?.close();
      void message.error(`${what}打开失败：${describeGraphQLError(error)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex gap={8} wrap style={block ? { width: '100%' } : undefined}>
      <Button size="large" icon={<DownloadOutlined />} loading={busy === 'download'} onClick={() => void download()} data-testid={`${testId}-download`} style={block ? { flex: 1 } : undefined}>
        下载{what}
      </Button>
      <Button size="large" icon={<PrinterOutlined />} loading={busy === 'print'} onClick={() => void print()} data-testid={`${testId}-print`} style={block ? { flex: 1 } : undefined}>
        打印{what}
      </Button>
    </Flex>
  );
}

/** Props of {@link GatewayImage}. */
export interface GatewayImageProps {
  /** Path of the image on the gateway (bearer token), or a data URL made on this device. */
  src: string;
  alt: string;
  height?: number;
  testId?: string;
}

/** An image served by the gateway with the bearer token (a signature, a stamp photo). */
export function GatewayImage({ src, alt, height = 56, testId }: GatewayImageProps) {
  const files = useGatewayFiles();
  const local = src.startsWith('data:');
  const [url, setUrl] = useState<string | null>(local ? src : null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (local) {
      setUrl(src);
      return;
    }
    let objectUrl: string | null = null;
    let live = true;
    files
      .download(src)
      .then((blob) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src, local, files]);

  if (failed) return <Typography.Text type="secondary">图片暂不可用</Typography.Text>;
  if (!url) return <Skeleton.Image active style={{ width: height * 2, height }} />;
  return <img src={url} alt={alt} style={{ height, maxWidth: '100%', objectFit: 'contain', background: '#fff' }} data-testid={testId} />;
}
