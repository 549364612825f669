import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { CardHeading, departmentName, formatDate, INSPECTION_STATUS, InfoDescriptions, ResponsiveList } from '@dr/ui';
import { InspectionDetailDocument, type InspectionDetailQuery, type TeamMemberFragment } from '../generated/graphql';
import { usePageFrame } from '../layout/page-frame';
import { DEPARTMENT_REMOTES, type DepartmentRemote } from '../remotes/department-remotes';
import { RemoteInspectionTab } from '../remotes/remote-inspection-tab';
import { useCurrentUser } from '../session/use-current-user';
import { VisitArrangementCard, visitTimeText } from '../visit/visit-arrangement-card';
import { RECORD_FORM_STATUS } from '../visit/visit-labels';
import { DetailPageBody } from './page-states';

type Inspection = NonNullable<InspectionDetailQuery['inspection']>;
type TeamRow = TeamMemberFragment & { leader: boolean };

function VenueDescriptions({ inspection }: { inspection: Inspection }) {
  const { venue } = inspection;
  const status = INSPECTION_STATUS[inspection.status];
  return (
    <InfoDescriptions
      testId="venue-descriptions"
      items={[
        { key: 'name', label: '场所名称', children: venue.name },
        { key: 'uscc', label: '统一社会信用代码', children: venue.uscc },
        { key: 'license', label: '网络文化经营许可证', children: venue.licenseNumber ?? '—' },
        { key: 'terminals', label: '上网终端数', children: venue.terminals ?? '—' },
        { key: 'address', label: '经营地址', children: venue.address },
        { key: 'street', label: '所属街道', children: venue.street },
        { key: 'legal', label: '法定代表人', children: venue.legalRepresentative ?? '—' },
        { key: 'phone', label: '联系电话', children: venue.phone ?? '—' },
        { key: 'date', label: '检查时间', children: inspection.visitStartTime || inspection.visitHidden ? visitTimeText(inspection) : formatDate(inspection.scheduledDate) },
        { key: 'status', label: '检查状态', children: <Tag color={status.color}>{status.label}</Tag> },
      ]}
    />
  );
}

/** R-DRAW-2: the leader (culture bureau) and the members (other departments) with their 执法证. */
function TeamList({ inspection }: { inspection: Inspection }) {
  const rows: TeamRow[] = [
    { ...inspection.team.leader, leader: true },
    ...inspection.team.members.map((member) => ({ ...member, leader: false })),
  ];
  const roleTag = (row: TeamRow) => (row.leader ? <Tag color="gold">组长</Tag> : <Tag>组员</Tag>);
  return (
    <ResponsiveList<TeamRow>
      items={rows}
      rowKey={(row) => `${row.leader ? 'leader' : 'member'}-${row.id}`}
      itemTestId={(row) => `team-member-${row.id}`}
      testId="inspection-team"
      columns={[
        { title: '职责', key: 'role', width: 80, render: (_: unknown, row) => roleTag(row) },
        { title: '姓名', dataIndex: 'name', width: 120 },
        { title: '所属部门', dataIndex: 'department', width: 200, render: (value: TeamRow['department']) => departmentName(value, 'full') },
        { title: '执法证号', dataIndex: 'certificateNumber', width: 180 },
        { title: '执法证有效期至', dataIndex: 'certificateValidUntil', width: 160, render: (value: string | null) => formatDate(value) },
      ]}
      renderCard={(row) => (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center">
            {roleTag(row)}
            <Typography.Text strong>{row.name}</Typography.Text>
            <Typography.Text type="secondary">{departmentName(row.department)}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary">执法证号：{row.certificateNumber}</Typography.Text>
        </Flex>
      )}
    />
  );
}

/** One tab per participating department, each filled by that department's remote at run time. */
function DepartmentTabs({ inspection }: { inspection: Inspection }) {
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const remotes = DEPARTMENT_REMOTES.filter((remote) => inspection.plan.participatingDepartments.includes(remote.department));
  // Department staff land on their own department's tab; everyone else on the lead department's.
  const own = remotes.find((remote) => remote.department === user?.department);
  const requested = remotes.find((remote) => remote.key === searchParams.get('tab'));
  const active: DepartmentRemote | undefined = requested ?? own ?? remotes[0];

  return (
    <Tabs
      activeKey={active?.key}
      onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
      data-testid="department-tabs"
      items={remotes.map((remote) => ({
        key: remote.key,
        label: <span data-testid={`tab-${remote.key}`}>{departmentName(remote.department)}</span>,
        children: <RemoteInspectionTab remote={remote} inspectionId={inspection.id} visitDay={inspection.scheduledDate} />,
      }))}
    />
  );
}

/** R-VISIT-3: where the record form stands, and the way to the signing screen. */
function SigningCard({ inspection }: { inspection: Inspection }) {
  const status = RECORD_FORM_STATUS[inspection.recordForm.status];
  const done = inspection.recordForm.status === 'COMPLETED';
  const navigate = useNavigate();
  return (
    <Card title={<CardHeading>记录表签字</CardHeading>} data-testid="signing-card">
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>部门联合抽查检查情况记录表：</Typography.Text>
          <Tag color={status.color} data-testid="inspection-record-form-status">
            {status.label}
          </Tag>
        </Flex>
        <Typography.Text type="secondary">
          {done ? '记录表已签署并锁定，可查看签字并下载记录表、统计表。' : '各部门提交检查记录后，执法人员和被检查对象在现场签字确认。'}
        </Typography.Text>
        <Button type={done ? 'default' : 'primary'} size="large" icon={<EditOutlined />} block onClick={() => navigate(`/inspections/${inspection.id}/sign`)} data-testid="open-signing">
          {done ? '查看签字与记录表' : '签字确认'}
        </Button>
      </Flex>
    </Card>
  );
}

/** One inspection: the venue, the team, then each department's checklist from its own remote. */
export function InspectionPage() {
  const { inspectionId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(InspectionDetailDocument, { variables: { id: inspectionId } });
  const inspection = data?.inspection;
  usePageFrame(inspection?.venue.name ?? '检查详情', [
    { title: '抽查计划', to: '/' },
    ...(inspection ? [{ title: inspection.plan.documentNumber, to: `/plans/${inspection.plan.id}` }] : []),
    { title: inspection?.venue.name ?? '检查详情' },
  ]);

  return (
    <DetailPageBody what="检查记录" record={inspection} loading={loading} error={error} onRetry={() => void refetch()} testId="inspection-page">
      <Card title={<CardHeading>检查对象</CardHeading>} loading={!inspection}>
        {inspection && <VenueDescriptions inspection={inspection} />}
      </Card>
      <Card title={<CardHeading>检查组</CardHeading>} loading={!inspection}>
        {inspection && <TeamList inspection={inspection} />}
      </Card>
      {inspection && (
        <VisitArrangementCard inspection={inspection} window={{ start: inspection.plan.windowStart, end: inspection.plan.windowEnd }} venueName={inspection.venue.name} />
      )}
      <Card title={<CardHeading>各部门检查事项</CardHeading>} loading={!inspection} styles={{ body: { paddingTop: 8 } }}>
        {inspection && <DepartmentTabs inspection={inspection} />}
      </Card>
      {inspection && <SigningCard inspection={inspection} />}
    </DetailPageBody>
  );
}
