import { useState } from 'react';
import { App, Button } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { describeGraphQLError, type DirectoryKind } from '@dr/graphql-client';
import { downloadBlob, todayInChina } from '@dr/ui';
import { useGatewayFiles } from '../../files/use-gateway-files';
import { DIRECTORY_NAMES } from './directory-names';

/** Props of {@link DirectoryExportButton}. */
export interface DirectoryExportButtonProps {
  kind: DirectoryKind;
}

/**
 * 导出: the whole directory as an xlsx in the import's own layout (it imports back unchanged),
 * fetched with the bearer token and saved as a file.
 */
export function DirectoryExportButton({ kind }: DirectoryExportButtonProps) {
  const { message } = App.useApp();
  const files = useGatewayFiles();
  const [busy, setBusy] = useState(false);

  const exportFile = async () => {
    setBusy(true);
    try {
      const blob = await files.download(`/files/exports/${kind}.xlsx`);
      downloadBlob(blob, `${DIRECTORY_NAMES[kind]}-${todayInChina()}.xlsx`);
    } catch (error) {
      message.error(`导出失败：${describeGraphQLError(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void exportFile()} data-testid={`${kind}-export`}>
      导出
    </Button>
  );
}
