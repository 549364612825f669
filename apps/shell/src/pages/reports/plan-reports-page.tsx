import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Flex, Form, Input, List, Select, Tag, Typography, Upload } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import UploadOutlined from '@ant-design/icons/es/icons/UploadOutlined';
import { describeGraphQLError, fetchGatewayFile } from '@dr/graphql-client';
import { CardHeading, downloadBlob, formatDate, formatDateTime, formatFileSize, IsoDateInput, todayInChina } from '@dr/ui';
import { PlanReportsDocument, RecordReportSubmissionDocument, type ReportSubmissionRowFragment } from '../../generated/graphql';
import { FormDrawer } from '../../components/form-drawer';
import { showServerError } from '../../components/form-server-error';
import { useGatewayUrl } from '../../config/runtime-config-context';
import { useGatewayFiles } from '../../files/use-gateway-files';
import { usePageFrame } from '../../layout/page-frame';
import { LoadError } from '../page-states';

/** One download of the plan's reports: the file's route, what it is called on screen and on disk. */
interface ReportFile {
  path: string;
  label: string;
  fileName: string;
  testId: string;
}

function DownloadButton({ file, primary }: { file: ReportFile; primary?: boolean }) {
  const { message } = App.useApp();
  const files = useGatewayFiles();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      downloadBlob(await files.download(file.path), file.fileName);
    } catch (error) {
      message.error(`下载失败：${describeGraphQLError(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={primary ? 'primary' : 'default'} icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid={file.testId}>
      {file.label}
    </Button>
  );
}

/** 上传定稿: the office's final work summary, a Word document or a PDF (the server checks the content). */
function UploadFinal({ planId, onUploaded }: { planId: string; onUploaded: () => void }) {
  const { message } = App.useApp();
  const gatewayUrl = useGatewayUrl();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await fetchGatewayFile({
        gatewayUrl,
        path: `/files/plans/${planId}/reports/work-summary`,
        method: 'POST',
        headers: { 'x-file-name': encodeURIComponent(file.name), 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      message.success('工作总结定稿已上传');
      onUploaded();
    } catch (error) {
      message.error(`上传失败：${describeGraphQLError(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload
      accept=".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      showUploadList={false}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} data-testid="report-upload">
        上传工作总结定稿（Word 或 PDF）
      </Button>
    </Upload>
  );
}

interface SubmissionValues {
  documentId: string;
  recipient: string;
  sentOn: string;
}
const FIELDS = ['documentId', 'recipient', 'sentOn'] as const;

/** 登记报送: which final version went to whom on which day. */
function RecordSubmissionDrawer(props: { open: boolean; onClose: () => void; planId: string; recipient: string; documents: { id: string; version: number; fileName: string }[] }) {
  const [form] = Form.useForm<SubmissionValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordReportSubmissionDocument, { refetchQueries: [PlanReportsDocument] });
  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const result = await record({ variables: { input: { planId: props.planId, documentId: values.documentId, recipient: values.recipient.trim(), sentOn: values.sentOn } } });
      const saved = result.data?.recordReportSubmission;
      message.success(saved?.onTime ? '报送已登记（按期）' : `报送已登记（逾期 ${saved?.workingDaysLate ?? 0} 个工作日）`);
      form.resetFields();
      props.onClose();
    } catch (failure) {
      setError(showServerError(form, failure, FIELDS));
    }
  };
  return (
    <FormDrawer open={props.open} title="登记报送" onClose={props.onClose} onSubmit={submit} saving={loading} error={error} testId="report-submission-drawer">
      <Form form={form} layout="vertical" requiredMark initialValues={{ recipient: props.recipient, documentId: props.documents[0]?.id }}>
        <Form.Item name="documentId" label="报送的工作总结版本" rules={[{ required: true, message: '请选择版本' }]}>
          <Select options={props.documents.map((d) => ({ value: d.id, label: `第 ${d.version} 版　${d.fileName}` }))} data-testid="report-submission-document" />
        </Form.Item>
        <Form.Item name="recipient" label="报送单位" rules={[{ required: true, whitespace: true, message: '请填写报送单位' }]}>
          <Input maxLength={100} data-testid="report-submission-recipient" />
        </Form.Item>
        <Form.Item name="sentOn" label="报送日期" rules={[{ required: true, message: '请选择报送日期' }]}>
          <IsoDateInput latest={todayInChina()} testId="report-submission-date" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function SubmissionItem({ row, planId, documentNumber }: { row: ReportSubmissionRowFragment; planId: string; documentNumber: string }) {
  return (
    <List.Item data-testid="report-submission">
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{formatDate(row.sentOn)}</Typography.Text>
          {row.supplementary && <Tag color="blue">补充报送</Tag>}
          {row.onTime ? <Tag color="green">按期</Tag> : <Tag color="red">逾期 {row.workingDaysLate} 个工作日</Tag>}
        </Flex>
        <Typography.Text>
          报送 {row.recipient}：工作总结第 {row.document?.version ?? '—'} 版及汇总表（{row.inspectionCount} 户次）
        </Typography.Text>
        <Typography.Text type="secondary">
          登记人 {row.recordedByName}，{formatDateTime(row.recordedAt)}
        </Typography.Text>
        <span>
          <DownloadButton file={{ path: `/files/plans/${planId}/reports/summary-table.xlsx?since=${row.id}`, label: '此后完成的检查（补充报送汇总表）', fileName: `${documentNumber}补充报送汇总表-${todayInChina()}.xlsx`, testId: 'report-supplementary' }} />
        </span>
      </Flex>
    </List.Item>
  );
}

/** 报表: the plan's 汇总表, 统计表, work summary and briefings, the final version, and 报送 against the deadline (R-REP-1/2). */
export function PlanReportsPage() {
  const { planId = '' } = useParams();
  const { data, error, refetch } = useQuery(PlanReportsDocument, { variables: { planId } });
  const [recording, setRecording] = useState(false);
  const plan = data?.plan;
  const reports = data?.planReports;
  usePageFrame(plan ? `${plan.documentNumber} 报表` : '报表', [{ title: '抽查计划', to: '/' }, { title: plan?.documentNumber ?? '计划详情', to: `/plans/${planId}` }, { title: '报表' }]);
  if (error) return <LoadError what="报表" error={error} onRetry={() => void refetch()} />;
  const today = todayInChina();
  const name = plan?.documentNumber ?? '实施方案';
  const base = `/files/plans/${planId}/reports`;
  const downloads: ReportFile[] = [
    { path: `${base}/summary-table.xlsx`, label: '汇总表及统计表（Excel）', fileName: `${name}联合抽查汇总表-${today}.xlsx`, testId: 'report-summary-xlsx' },
    { path: `${base}/summary-table.pdf`, label: '汇总表及统计表（PDF）', fileName: `${name}联合抽查汇总表-${today}.pdf`, testId: 'report-summary-pdf' },
    { path: `${base}/work-summary.docx`, label: '工作总结草稿（Word）', fileName: `${name}工作总结（草稿）-${today}.docx`, testId: 'report-work-summary' },
    { path: `${base}/briefings.docx`, label: '专项简报汇编（Word）', fileName: `${name}专项简报汇编-${today}.docx`, testId: 'report-briefings' },
  ];
  const late = reports && !reports.submissions.length && today > reports.reportingDeadline;

  return (
    <Flex vertical gap={16} data-testid="plan-reports-page">
      <Card title={<CardHeading>报送要求</CardHeading>} loading={!reports}>
        {reports && (
          <Flex vertical gap={8}>
            <Typography.Text>
              请于 <Typography.Text strong>{formatDate(reports.reportingDeadline)}</Typography.Text>（含当日）前将工作总结和联合抽查汇总表报送至 <Typography.Text strong>{reports.reportToName}</Typography.Text>。
            </Typography.Text>
            {late && <Alert type="error" showIcon message="已过报送期限，尚未登记报送" />}
            {reports.submissions.length > 0 && reports.unreportedInspections > 0 && (
              <Alert type="warning" showIcon message={`报送后又完成了 ${reports.unreportedInspections} 户次检查，请补充报送`} data-testid="report-unreported" />
            )}
          </Flex>
        )}
      </Card>
      <Card title={<CardHeading>下载报表</CardHeading>}>
        <Typography.Paragraph type="secondary">汇总表按各部门的检查记录实时生成；工作总结草稿已填入统计数据和各部门最新的专项简报，请在 Word 中完善后上传定稿。</Typography.Paragraph>
        <Flex gap={8} wrap>
          {downloads.map((file, i) => (
            <DownloadButton key={file.path} file={file} primary={i === 0} />
          ))}
        </Flex>
      </Card>
      <Card title={<CardHeading>工作总结定稿</CardHeading>} extra={<UploadFinal planId={planId} onUploaded={() => void refetch()} />}>
        <List
          loading={!reports}
          dataSource={reports?.documents ?? []}
          locale={{ emptyText: <Typography.Text>尚未上传定稿</Typography.Text> }}
          renderItem={(d) => (
            <List.Item data-testid="report-document" actions={[<DownloadButton key="download" file={{ path: d.url, label: '下载', fileName: d.fileName, testId: 'report-document-download' }} />]}>
              <List.Item.Meta title={`第 ${d.version} 版　${d.fileName}`} description={`${d.contentType === 'application/pdf' ? 'PDF' : 'Word 文档'}，${formatFileSize(d.size)}；${d.uploadedByName} 上传于 ${formatDateTime(d.uploadedAt)}`} />
            </List.Item>
          )}
        />
      </Card>
      <Card
        title={<CardHeading>报送记录</CardHeading>}
        extra={
          <Button type="primary" disabled={!reports?.documents.length} onClick={() => setRecording(true)} data-testid="report-record">
            登记报送
          </Button>
        }
      >
        {reports && !reports.documents.length && <Typography.Paragraph type="secondary">请先上传工作总结定稿，再登记报送。</Typography.Paragraph>}
        <List
          loading={!reports}
          dataSource={reports?.submissions ?? []}
          locale={{ emptyText: <Typography.Text>尚无报送记录</Typography.Text> }}
          renderItem={(row) => <SubmissionItem row={row} planId={planId} documentNumber={name} />}
        />
      </Card>
      {reports && <RecordSubmissionDrawer open={recording} onClose={() => setRecording(false)} planId={planId} recipient={reports.reportToName} documents={reports.documents} />}
    </Flex>
  );
}
