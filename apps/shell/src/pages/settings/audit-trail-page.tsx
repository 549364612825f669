import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Flex, Form, Input, Result, Select, Tag, Typography } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import SearchOutlined from '@ant-design/icons/es/icons/SearchOutlined';
import { describeGraphQLError } from '@dr/graphql-client';
import { CardHeading, CursorPager, departmentName, downloadBlob, formatDateTime, IsoDateRangePicker, ResponsiveList, ROLE_NAMES, todayInChina, toDepartmentCode, useCursorPages, useIsPhone, type RoleCode } from '@dr/ui';
import type { Department } from '@dr/domain';
import { CultureAuditTrailDocument, FireAuditTrailDocument, MarketAuditTrailDocument, OfficeAuditTrailDocument, type OfficeAuditTrailQuery } from '../../generated/graphql';
import { useGatewayFiles } from '../../files/use-gateway-files';
import { usePageFrame } from '../../layout/page-frame';
import { usePermissions } from '../../session/use-permissions';
import { useCurrentUser } from '../../session/use-current-user';
import { LoadError } from '../page-states';
import { AUDIT_ACTIONS, AUDIT_OBJECTS, AUDIT_OUTCOMES, AUDIT_SOURCES, auditActionLabel, auditActorLabel, auditObjectLabel, chinaDayRange, type AuditSource } from './audit-labels';

const DOCUMENTS = { office: OfficeAuditTrailDocument, culture: CultureAuditTrailDocument, market: MarketAuditTrailDocument, fire: FireAuditTrailDocument };
type AuditTrailPage = OfficeAuditTrailQuery['officeAuditTrail'];
type AuditRow = AuditTrailPage['nodes'][number];

interface FilterValues {
  source: AuditSource;
  user?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  days?: [string, string] | null;
}

/** The API's filter from the form: empty fields are left out, days become instants at UTC+8. */
function apiFilter(values: FilterValues) {
  return {
    ...(values.user?.trim() ? { user: values.user.trim() } : {}),
    ...(values.objectType ? { objectType: values.objectType } : {}),
    ...(values.objectId?.trim() ? { objectId: values.objectId.trim() } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(values.days ? chinaDayRange(values.days) : {}),
  };
}

/** Distinct action labels (删除 names two codes: the first one is offered). */
const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS)
  .filter(([code, label], index, all) => all.findIndex(([, other]) => other === label) === index && code !== 'soft-delete')
  .map(([value, label]) => ({ value, label }));
const OBJECT_OPTIONS = Object.entries(AUDIT_OBJECTS).map(([value, label]) => ({ value, label: label }));

const role = (row: AuditRow) =>
  row.actorRole ? `${ROLE_NAMES[row.actorRole as RoleCode] ?? ''}${row.actorDepartment ? `（${departmentName(toDepartmentCode(row.actorDepartment as Department))}）` : ''}` : '—';
const outcomeTag = (row: AuditRow) => {
  const outcome = AUDIT_OUTCOMES[row.outcome] ?? { label: row.outcome, color: 'default' };
  return <Tag color={outcome.color}>{outcome.label}</Tag>;
};
/** The object in Chinese; its id (for a search or the export) is copied, not shown. */
const objectCell = (row: AuditRow) => (
  <Typography.Text copyable={row.objectId ? { text: row.objectId, tooltips: ['复制对象编号', '已复制'] } : false}>{auditObjectLabel(row.objectType)}</Typography.Text>
);

/**
 * 审计日志: who did what to which record, when and from where, in the trail of the office or of one
 * department; searched by user, object, action and days, exported as CSV. The office reads every
 * trail, a department's admin only the department's own (the servers enforce the same).
 */
export function AuditTrailPage() {
  usePageFrame('审计日志', [{ title: '系统管理' }, { title: '审计日志' }]);
  const permissions = usePermissions();
  const isPhone = useIsPhone();
  const files = useGatewayFiles();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const pages = useCursorPages(20);
  const ownSource: AuditSource | null = permissions.office ? null : (permissions.department?.toLowerCase() as AuditSource | undefined) ?? null;
  const initialSource: AuditSource = ownSource ?? 'office';
  const [applied, setApplied] = useState<FilterValues>({ source: initialSource });
  const [exporting, setExporting] = useState(false);
  const user = useCurrentUser();
  const mayRead = user?.role === 'OFFICE_ADMIN' || user?.role === 'DEPARTMENT_ADMIN';
  const source = ownSource ?? applied.source;
  const { data, previousData, loading, error, refetch } = useQuery(DOCUMENTS[source] as typeof OfficeAuditTrailDocument, {
    variables: { first: pages.first, after: pages.after, filter: apiFilter(applied) },
    skip: !permissions.known || !mayRead,
    notifyOnNetworkStatusChange: true,
  });
  const trail = ((data ?? previousData) as Record<string, AuditTrailPage> | undefined)?.[`${source}AuditTrail`];
  const refresh = useCallback(() => void refetch(), [refetch]);

  // The form's 来源 starts from who is signed in (a department admin's is fixed): wait for `me`.
  if (!permissions.known) return <Card loading title={<CardHeading>审计日志</CardHeading>} />;
  if (!mayRead) return <Result status="403" title="无权查看" subTitle="只有联席办和部门管理员可以查看审计日志" data-testid="audit-forbidden" />;
  if (error && !trail) return <LoadError what="审计日志" error={error} onRetry={refresh} />;

  const search = (values: FilterValues) => {
    setApplied({ ...values, source: ownSource ?? values.source });
    pages.reset();
  };
  const exportCsv = async () => {
    setExporting(true);
    try {
      const query = new URLSearchParams(Object.entries(apiFilter(applied)) as [string, string][]).toString();
      const path = source === 'office' ? '/files/audit.csv' : `/files/${source}/audit.csv`;
      const blob = await files.download(`${path}${query ? `?${query}` : ''}`);
      downloadBlob(blob, `审计日志-${AUDIT_SOURCES.find((s) => s.value === source)!.label}-${todayInChina()}.csv`);
    } catch (failure) {
      message.error(`导出失败：${describeGraphQLError(failure)}`);
    } finally {
      setExporting(false);
    }
  };
  const wide = isPhone ? '100%' : undefined;

  return (
    <Card title={<CardHeading>审计日志</CardHeading>} data-testid="audit-trail-page">
      <Typography.Paragraph type="secondary">
        每一次修改、登录和对文书、证据、名录、回避申报的查阅都记入审计日志；日志逐条以哈希相连，任何删改都能被核查发现。
      </Typography.Paragraph>
      <Form<FilterValues> form={form} layout={isPhone ? 'vertical' : 'inline'} initialValues={{ source: initialSource }} onFinish={search} style={{ marginBottom: 16, rowGap: 8 }} data-testid="audit-filters">
        <Form.Item name="source" label="来源">
          <Select<AuditSource> options={ownSource ? AUDIT_SOURCES.filter((s) => s.value === ownSource) : AUDIT_SOURCES} disabled={!!ownSource} style={{ width: wide ?? 110 }} data-testid="audit-source" />
        </Form.Item>
        <Form.Item name="user" label="用户">
          <Input allowClear placeholder="用户名" maxLength={64} style={{ width: wide ?? 150 }} data-testid="audit-user" />
        </Form.Item>
        <Form.Item name="objectType" label="对象">
          <Select allowClear showSearch optionFilterProp="label" placeholder="全部对象" options={OBJECT_OPTIONS} style={{ width: wide ?? 170 }} data-testid="audit-object-type" />
        </Form.Item>
        <Form.Item name="objectId" label="对象编号">
          <Input allowClear placeholder="粘贴对象编号" maxLength={200} style={{ width: wide ?? 170 }} data-testid="audit-object-id" />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select allowClear placeholder="全部操作" options={ACTION_OPTIONS} style={{ width: wide ?? 140 }} data-testid="audit-action" />
        </Form.Item>
        <Form.Item name="days" label="时间范围" htmlFor="audit-days">
          <IsoDateRangePicker id="audit-days" testId="audit-days" />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            查询
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} data-testid="audit-export">
            导出
          </Button>
        </Flex>
      </Form>
      <ResponsiveList<AuditRow>
        items={trail?.nodes ?? []}
        rowKey={(row) => row.seq}
        itemTestId={(row) => `audit-entry-${row.seq}`}
        loading={loading}
        emptyText="没有符合条件的记录"
        testId="audit-list"
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 170, render: (value: string) => formatDateTime(value) },
          { title: '用户', dataIndex: 'actorUsername', width: 140, render: (value: string) => auditActorLabel(value) },
          { title: '角色', key: 'role', width: 170, render: (_: unknown, row) => role(row) },
          { title: '操作', dataIndex: 'action', width: 120, render: (value: string) => auditActionLabel(value) },
          { title: '对象', key: 'object', width: 170, render: (_: unknown, row) => objectCell(row) },
          { title: '结果', key: 'outcome', width: 80, render: (_: unknown, row) => outcomeTag(row) },
          { title: '来源地址', dataIndex: 'clientAddress', width: 140, render: (value: string | null) => value ?? '—' },
        ]}
        renderCard={(row) => (
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>
                {auditActorLabel(row.actorUsername)} · {auditActionLabel(row.action)}
              </Typography.Text>
              {outcomeTag(row)}
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'at', label: '时间', children: formatDateTime(row.at) },
                { key: 'object', label: '对象', children: objectCell(row) },
                { key: 'role', label: '角色', children: role(row) },
                { key: 'address', label: '来源地址', children: row.clientAddress ?? '—' },
                { key: 'seq', label: '序号', children: row.seq },
              ]}
            />
          </Flex>
        )}
      />
      {trail && (
        <div data-testid="audit-pager">
          <CursorPager pages={pages} totalCount={trail.totalCount} pageInfo={trail.pageInfo} loading={loading} />
        </div>
      )}
    </Card>
  );
}
