import { useState } from 'react';
import { App, Button } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { describeGraphQLError } from '@dr/graphql-client';
import { downloadBlob, todayInChina } from '@dr/ui';
import { useGatewayFiles } from '../../files/use-gateway-files';

/**
 * 导出 XLSX: the whole list (every page, not the one on screen) as the server streams it, fetched with the
 * bearer token and saved as a file.
 */
export function ExportButton({ path, fileName }: { path: string; fileName: string }) {
  const { message } = App.useApp();
  const files = useGatewayFiles();
  const [busy, setBusy] = useState(false);
  const exportFile = async () => {
    setBusy(true);
    try {
      downloadBlob(await files.download(path), `${fileName}-${todayInChina()}.xlsx`);
    } catch (error) {
      message.error(`导出失败：${describeGraphQLError(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void exportFile()} data-testid="drill-down-export">
      导出 XLSX
    </Button>
  );
}
