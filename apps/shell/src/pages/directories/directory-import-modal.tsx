import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Flex, Modal, Progress, Result, Spin, Steps, Typography, Upload } from 'antd';
import InboxOutlined from '@ant-design/icons/es/icons/InboxOutlined';
import { describeGraphQLError, type DirectoryKind } from '@dr/graphql-client';
import { CursorPager, ResponsiveList, useCursorPages, useIsPhone } from '@dr/ui';
import { CommitImportDocument, ImportJobDocument, ImportJobErrorsDocument, type ImportJobErrorsQuery, type ImportJobStateFragment } from '../../generated/graphql';
import { useGatewayFiles } from '../../files/use-gateway-files';
import { DIRECTORY_NAMES } from './directory-names';

/** The server's upload limit. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ACCEPTED = /\.(xlsx|csv)$/i;
/** How often a running job is read again. */
const POLL_MS = 800;

type RowError = NonNullable<ImportJobErrorsQuery['importJob']>['errors']['nodes'][number];

/**
 * What a file chosen for import lacks, or null: an xlsx or csv of at most 50 MB.
 * @param file - the chosen file
 */
export function importFileProblem(file: { name: string; size: number }): string | null {
  if (!ACCEPTED.test(file.name)) return '请选择 Excel（.xlsx）或 CSV（.csv）文件';
  if (file.size > MAX_FILE_BYTES) return `文件为 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 50 MB 的上限；请拆分后分别导入`;
  if (file.size === 0) return '文件是空的';
  return null;
}

/** The wizard's step for a job: 选择文件 → 校验 → 确认导入 → 完成. */
function stepOf(job: ImportJobStateFragment | null | undefined, commitRequested: boolean): number {
  if (!job) return 0;
  if (job.status === 'COMMITTED') return 3;
  if (job.status === 'COMMITTING' || (job.status === 'FAILED' && commitRequested)) return 2;
  return 1;
}

function JobProgress({ job, what }: { job: ImportJobStateFragment; what: string }) {
  const percent = job.totalRows ? Math.min(100, Math.floor((job.processedRows / job.totalRows) * 100)) : undefined;
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '24px 0' }} data-testid="import-progress">
      <Typography.Text>
        {what}：已处理 {job.processedRows} 行{job.totalRows ? ` / 共 ${job.totalRows} 行` : ''}
      </Typography.Text>
      {percent === undefined ? <Spin /> : <Progress percent={percent} status="active" style={{ maxWidth: 420 }} />}
    </Flex>
  );
}

/** Every bad row of a dry run (行, 列, 原因), a page at a time from the server. */
function ImportErrors({ importId, errorCount }: { importId: string; errorCount: number }) {
  const pages = useCursorPages(10);
  const { data, previousData, loading } = useQuery(ImportJobErrorsDocument, {
    variables: { id: importId, first: pages.first, after: pages.after },
    notifyOnNetworkStatusChange: true,
  });
  const errors = (data ?? previousData)?.importJob?.errors;
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        title={`校验发现 ${errorCount} 处错误，文件未导入`}
        description="请按下表逐行修改原文件后重新选择文件；全部行通过校验后才能导入，不会只导入其中一部分。"
        data-testid="import-invalid"
      />
      <ResponsiveList<RowError>
        items={errors?.nodes ?? []}
        rowKey={(error) => `${error.row}-${error.column}-${error.reason}`}
        itemTestId={() => 'import-error-row'}
        loading={loading}
        testId="import-errors"
        // The reasons are long sentences: with a width they wrap inside the dialog instead of widening the table past it.
        scrollX={640}
        columns={[
          { title: '行', dataIndex: 'row', width: 64 },
          { title: '列', dataIndex: 'column', width: 160 },
          { title: '原因', dataIndex: 'reason', width: 416 },
        ]}
        renderCard={(error) => (
          <Typography.Text>
            第 {error.row} 行「{error.column}」：{error.reason}
          </Typography.Text>
        )}
      />
      {errors && <CursorPager pages={pages} totalCount={errors.totalCount} pageInfo={errors.pageInfo} loading={loading} pageSizes={[10, 50, 100]} />}
    </Flex>
  );
}

/** Props of {@link DirectoryImportModal}. */
export interface DirectoryImportModalProps {
  open: boolean;
  kind: DirectoryKind;
  /** Who may import what, in a sentence shown on the first step. */
  scopeHint?: string;
  onClose: () => void;
  /** Called once when the rows are written, to refresh the directory. */
  onCommitted: () => void;
}

/**
 * The import wizard (导入): 1 选择文件 (xlsx or csv, ≤ 50 MB) → 2 校验 (a dry run on the server that
 * lists every bad row, nothing written) → 3 确认导入 (all rows or none) → 4 完成.
 */
export function DirectoryImportModal({ open, kind, scopeHint, onClose, onCommitted }: DirectoryImportModalProps) {
  const isPhone = useIsPhone();
  const files = useGatewayFiles();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [commitRequested, setCommitRequested] = useState(false);
  const [commitImport, commitState] = useMutation(CommitImportDocument);
  const reported = useRef<string | null>(null);

  const [polling, setPolling] = useState(false);
  const { data, error: pollError } = useQuery(ImportJobDocument, {
    variables: { id: importId ?? '' },
    skip: !importId,
    fetchPolicy: 'network-only',
    pollInterval: polling ? POLL_MS : 0,
  });
  const current = importId ? data?.importJob : null;
  const running = current?.status === 'VALIDATING' || current?.status === 'COMMITTING';
  // Polled only while the server is working on the job.
  useEffect(() => setPolling(running), [running]);

  useEffect(() => {
    if (current?.status === 'COMMITTED' && reported.current !== current.id) {
      reported.current = current.id;
      onCommitted();
    }
  }, [current, onCommitted]);

  const reset = () => {
    setFile(null);
    setFileError(null);
    setImportId(null);
    setCommitRequested(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  const startDryRun = async () => {
    if (!file) return;
    setUploading(true);
    setFileError(null);
    try {
      setImportId(await files.upload(kind, file));
    } catch (error) {
      setFileError(`上传失败：${describeGraphQLError(error)}`);
    } finally {
      setUploading(false);
    }
  };

  const commit = async () => {
    if (!current) return;
    setCommitRequested(true);
    try {
      // The answer (COMMITTING) replaces the cached job, which starts the polling again.
      await commitImport({ variables: { id: current.id } });
    } catch (error) {
      setFileError(`导入失败：${describeGraphQLError(error)}`);
    }
  };

  const step = stepOf(current, commitRequested);
  const failedStep = current?.status === 'INVALID' || current?.status === 'FAILED';

  const chooseFile = (
    <Flex vertical gap={12}>
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(chosen) => {
            const problem = importFileProblem(chosen);
            setFileError(problem);
            setFile(problem ? null : chosen);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将文件拖到此处</p>
          <p className="ant-upload-hint">支持 Excel（.xlsx）和 CSV（.csv），不超过 50 MB；表头须与导出文件一致，可先导出现有名录作为模板。</p>
        </Upload.Dragger>
      </div>
      {scopeHint && <Typography.Text type="secondary">{scopeHint}</Typography.Text>}
      {file && (
        <Typography.Text data-testid="import-file-name">
          已选择：{file.name}（{(file.size / 1024).toFixed(1)} KB）
        </Typography.Text>
      )}
      <Flex justify="end">
        <Button type="primary" disabled={!file} loading={uploading} onClick={() => void startDryRun()} data-testid="import-validate">
          开始校验
        </Button>
      </Flex>
    </Flex>
  );

  const body = () => {
    if (!importId) return chooseFile;
    if (!current) {
      return pollError ? <Alert type="error" showIcon title={describeGraphQLError(pollError)} /> : <Spin style={{ display: 'block', padding: 32 }} />;
    }
    switch (current.status) {
      case 'VALIDATING':
        return <JobProgress job={current} what="正在校验（试导入，不写入）" />;
      case 'COMMITTING':
        return <JobProgress job={current} what="正在导入" />;
      case 'VALID':
        return (
          <Result
            status="success"
            title={`校验通过：共 ${current.validRows} 行`}
            subTitle={`文件“${current.fileName}”的全部行均可导入。确认后将一次性写入${DIRECTORY_NAMES[kind]}（统一社会信用代码或执法证号相同的记录将被更新）。`}
            extra={[
              <Button key="again" onClick={reset}>
                重新选择文件
              </Button>,
              <Button key="commit" type="primary" loading={commitState.loading} onClick={() => void commit()} data-testid="import-commit">
                确认导入
              </Button>,
            ]}
            data-testid="import-valid"
          />
        );
      case 'INVALID':
        return (
          <Flex vertical gap={12}>
            <ImportErrors importId={current.id} errorCount={current.errorCount} />
            <Flex justify="end">
              <Button onClick={reset} data-testid="import-choose-again">
                重新选择文件
              </Button>
            </Flex>
          </Flex>
        );
      case 'COMMITTED':
        return (
          <Result
            status="success"
            title={`导入完成：已写入 ${current.validRows} 行`}
            extra={
              <Button type="primary" onClick={close} data-testid="import-done">
                完成
              </Button>
            }
            data-testid="import-committed"
          />
        );
      case 'FAILED':
        return (
          <Result
            status="error"
            title="导入失败，未写入任何数据"
            subTitle={current.failureMessage ?? '请检查文件后重试'}
            extra={<Button onClick={reset}>重新选择文件</Button>}
            data-testid="import-failed"
          />
        );
    }
  };

  return (
    <Modal open={open} onCancel={close} footer={null} title={`导入${DIRECTORY_NAMES[kind]}`} width={isPhone ? '100%' : 760} destroyOnHidden data-testid="import-modal">
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={step}
          status={failedStep ? 'error' : step === 3 ? 'finish' : 'process'}
          items={[{ title: '选择文件' }, { title: '校验' }, { title: '确认导入' }, { title: '完成' }]}
        />
        {fileError && <Alert type="error" showIcon title={fileError} data-testid="import-error" />}
        {body()}
      </Flex>
    </Modal>
  );
}
