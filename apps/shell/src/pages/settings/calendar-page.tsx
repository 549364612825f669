import { useState } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { describeGraphQLError } from '@dr/graphql-client';
import { CardHeading, formatDate, formatDateTime, IsoDatePicker, useIsPhone } from '@dr/ui';
import { CalendarYearsDocument, LoadCalendarYearDocument, WorkingDayDeadlineDocument, type CalendarYearRowFragment } from '../../generated/graphql';
import { FormDrawer } from '../../components/form-drawer';
import { showServerError } from '../../components/form-server-error';
import { usePageFrame } from '../../layout/page-frame';
import { usePermissions } from '../../session/use-permissions';
import { LoadError } from '../page-states';
import { parseCalendarYearFile, type CalendarYearDraft } from './calendar-year-file';

const FORMAT = 'YYYY-MM-DD';
const FIELDS = ['year', 'source', 'holidays', 'workingDays'] as const;

interface YearFormValues {
  year: number;
  source: string;
  holidays: Dayjs[];
  workingDays: Dayjs[];
}

const toDays = (dates: readonly string[]) => dates.map((date) => dayjs(date, FORMAT));
const toDates = (days: readonly Dayjs[] | undefined) => [...new Set((days ?? []).map((day) => day.format(FORMAT)))].sort();

function DateTags({ dates }: { dates: readonly string[] }) {
  if (!dates.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {dates.map((date) => (
        <Tag key={date} style={{ marginInlineEnd: 0 }}>
          {formatDate(date)}
        </Tag>
      ))}
    </Flex>
  );
}

/** The office loads a year's holiday arrangement by hand or from a JSON file; the server checks it. */
function LoadYearDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<YearFormValues>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [load, { loading }] = useMutation(LoadCalendarYearDocument, { refetchQueries: [CalendarYearsDocument] });

  const fill = (draft: CalendarYearDraft) => form.setFieldsValue({ year: draft.year, source: draft.source, holidays: toDays(draft.holidays), workingDays: toDays(draft.workingDays) });

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await load({ variables: { input: { year: values.year, source: values.source.trim(), holidays: toDates(values.holidays), workingDays: toDates(values.workingDays) } } });
      message.success(`${values.year} 年节假日安排已载入，期限计算立即按新安排执行`);
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(showServerError(form, failure, FIELDS));
    }
  };

  return (
    <FormDrawer open={open} title="载入年度节假日安排" onClose={onClose} onSubmit={submit} saving={loading} error={error} testId="calendar-load-drawer">
      <Typography.Paragraph type="secondary">
        按国务院办公厅当年的节假日安排通知填写：放假日（含放假期间的周末）和调休上班日。也可以选择 JSON 文件自动填入，提交前请逐日核对。
      </Typography.Paragraph>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          file
            .text()
            .then((text) => {
              fill(parseCalendarYearFile(text));
              setError(null);
            })
            .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : '无法读取该文件'));
          return false;
        }}
      >
        <Button data-testid="calendar-load-file">从 JSON 文件填入</Button>
      </Upload>
      <Form form={form} layout="vertical" style={{ marginTop: 16 }} requiredMark>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="calendar-year" />
        </Form.Item>
        <Form.Item name="source" label="依据（通知名称及文号）" rules={[{ required: true, whitespace: true, message: '请填写依据' }]}>
          <Input maxLength={200} placeholder="国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）" data-testid="calendar-source" />
        </Form.Item>
        <Form.Item name="holidays" label="放假日" rules={[{ required: true, message: '请选择放假日' }]}>
          <DatePicker multiple format={FORMAT} style={{ width: '100%' }} maxTagCount="responsive" data-testid="calendar-holidays" />
        </Form.Item>
        <Form.Item name="workingDays" label="调休上班日（星期六或星期日）">
          <DatePicker multiple format={FORMAT} style={{ width: '100%' }} maxTagCount="responsive" data-testid="calendar-working-days" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** N working days after a date, as every deadline of the platform is counted (R-CAL-1). */
function DeadlineCalculator() {
  const [from, setFrom] = useState<string | null>(null);
  const [days, setDays] = useState<number | null>(7);
  const [calculate, { data, error, loading }] = useLazyQuery(WorkingDayDeadlineDocument, { fetchPolicy: 'network-only' });
  return (
    <Card title={<CardHeading>期限计算</CardHeading>} size="small">
      <Flex gap={12} wrap align="end">
        <label>
          <div>起算日期（当日不计入）</div>
          <IsoDatePicker value={from} onChange={setFrom} testId="deadline-from" />
        </label>
        <label>
          <div>工作日数</div>
          <InputNumber min={0} max={366} precision={0} value={days} onChange={setDays} data-testid="deadline-days" />
        </label>
        <Button type="primary" disabled={!from || days === null} loading={loading} onClick={() => from && days !== null && calculate({ variables: { from, workingDays: days } })} data-testid="deadline-calculate">
          计算
        </Button>
      </Flex>
      <div aria-live="polite" style={{ marginTop: 12 }} data-testid="deadline-answer">
        {error ? (
          <Typography.Text type="danger">{describeGraphQLError(error)}</Typography.Text>
        ) : data ? (
          <Typography.Text strong data-testid="deadline-result">
            期限届满日：{formatDate(data.workingDayDeadline)}
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}

/** 节假日安排: the years the working-day calendar knows, with their source; the office loads new ones. */
export function CalendarPage() {
  usePageFrame('法定节假日安排', [{ title: '法定节假日安排' }]);
  const permissions = usePermissions();
  const phone = useIsPhone();
  const [loading, setLoading] = useState(false);
  const { data, error, refetch } = useQuery(CalendarYearsDocument);
  if (error) return <LoadError what="节假日安排" error={error} onRetry={() => refetch()} />;
  const years = [...(data?.calendarYears ?? [])].sort((a, b) => b.year - a.year);

  return (
    <Flex vertical gap={16} data-testid="calendar-page">
      <Card
        title={<CardHeading>法定节假日安排</CardHeading>}
        extra={
          permissions.office && (
            <Button type="primary" onClick={() => setLoading(true)} data-testid="calendar-load">
              载入年度安排
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">
          “N 个工作日内”的期限自触发之日的次日起算，遇法定节假日顺延，调休上班日计入工作日。未载入安排的年度无法计算期限，请及时载入。
        </Typography.Paragraph>
        <Table<CalendarYearRowFragment>
          rowKey="year"
          loading={!data}
          dataSource={years}
          pagination={false}
          scroll={phone ? { x: true } : undefined}
          expandable={{
            expandedRowRender: (row) => (
              <Flex vertical gap={8}>
                <div>
                  <Typography.Text strong>放假日：</Typography.Text>
                  <DateTags dates={row.holidays} />
                </div>
                <div>
                  <Typography.Text strong>调休上班日：</Typography.Text>
                  <DateTags dates={row.workingDays} />
                </div>
              </Flex>
            ),
          }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '依据', dataIndex: 'source' },
            { title: '来源', dataIndex: 'origin', width: 120, render: (origin: string) => (origin === 'SHIPPED' ? '随系统发布' : '联席办载入') },
            { title: '放假', width: 80, render: (_: unknown, row) => `${row.holidays.length} 天` },
            { title: '调休上班', width: 90, render: (_: unknown, row) => `${row.workingDays.length} 天` },
            { title: '载入', width: 160, render: (_: unknown, row) => (row.loadedAt ? `${row.loadedBy ?? ''} ${formatDateTime(row.loadedAt)}` : '—') },
          ]}
        />
      </Card>
      <DeadlineCalculator />
      {permissions.office && <LoadYearDrawer open={loading} onClose={() => setLoading(false)} />}
    </Flex>
  );
}
