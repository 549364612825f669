import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Descriptions, Flex, Tag, Typography } from 'antd';
import {
  DEPARTMENT_NAMES,
  departmentName,
  formatDate,
  INSPECTOR_STATUS,
  todayInChina,
  useCursorPages,
  type DepartmentCode,
  type InspectorStatusCode,
} from '@dr/ui';
import { InspectorDirectoryDocument, type InspectorRowFragment } from '../../generated/graphql';
import { usePageFrame } from '../../layout/page-frame';
import { usePermissions } from '../../session/use-permissions';
import { LoadError } from '../page-states';
import { DirectoryActions, DirectorySearch, FilterSelect, RowEditButton, useDirectoryFilters } from './directory-controls';
import { DirectoryCard } from './directory-card';
import { InspectorFormDrawer } from './inspector-form-drawer';

interface InspectorFilters {
  search?: string;
  department?: DepartmentCode;
  status?: InspectorStatusCode;
}

function Validity({ inspector, today }: { inspector: InspectorRowFragment; today: string }) {
  const until = inspector.certificateValidUntil;
  const expired = !!until && until < today;
  return (
    <Flex gap={4} align="center" wrap>
      <span>
        {formatDate(inspector.certificateValidFrom)}至{formatDate(until)}
      </span>
      {expired && <Tag color="error">已过期</Tag>}
    </Flex>
  );
}

const statusTag = (inspector: InspectorRowFragment) => <Tag color={INSPECTOR_STATUS[inspector.status].color}>{INSPECTOR_STATUS[inspector.status].label}</Tag>;
const expertiseTags = (inspector: InspectorRowFragment) =>
  inspector.expertise.length ? (
    <Flex gap={4} wrap>
      {inspector.expertise.map((item) => (
        <Tag key={item} style={{ marginInlineEnd: 0 }}>
          {item}
        </Tag>
      ))}
    </Flex>
  ) : (
    '—'
  );
// Null when the viewer may not read this officer's declarations (only the office, their department's admin and themself may).
const conflictCount = (inspector: InspectorRowFragment) =>
  !inspector.conflicts ? (
    <Typography.Text type="secondary">不可见</Typography.Text>
  ) : inspector.conflicts.length ? (
    <Tag color="orange" data-testid="conflict-count">{inspector.conflicts.length} 项</Tag>
  ) : (
    <Typography.Text type="secondary">无</Typography.Text>
  );

/**
 * 执法检查人员名录库: every officer with the 执法证 and its validity, duty status, expertise and the
 * declared conflicts. The joint office keeps them all; a department admin keeps the department's own.
 */
export function InspectorDirectoryPage() {
  usePageFrame('执法人员名录', [{ title: '名录库' }, { title: '执法人员名录' }]);
  const permissions = usePermissions();
  const pages = useCursorPages(20);
  const [filters, applyFilters] = useDirectoryFilters<InspectorFilters>(pages);
  const [editing, setEditing] = useState<{ inspector: InspectorRowFragment | null } | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(InspectorDirectoryDocument, {
    variables: { first: pages.first, after: pages.after, ...filters },
    notifyOnNetworkStatusChange: true,
  });
  const inspectors = (data ?? previousData)?.inspectors;
  const today = todayInChina();
  const refresh = useCallback(() => void refetch(), [refetch]);

  if (error && !inspectors) return <LoadError what="执法人员名录" error={error} onRetry={refresh} />;

  const filterControls = (
    <>
      <DirectorySearch placeholder="姓名或执法证号" onSearch={(search) => applyFilters({ search })} width={240} testId="inspector-search" />
      <FilterSelect<DepartmentCode>
        placeholder="所属部门"
        value={filters.department}
        onChange={(department) => applyFilters({ department })}
        options={(Object.keys(DEPARTMENT_NAMES) as DepartmentCode[]).map((code) => ({ value: code, label: departmentName(code) }))}
        width={130}
        testId="inspector-department-filter"
      />
      <FilterSelect<InspectorStatusCode>
        placeholder="在岗状态"
        value={filters.status}
        onChange={(status) => applyFilters({ status })}
        options={(Object.keys(INSPECTOR_STATUS) as InspectorStatusCode[]).map((code) => ({ value: code, label: INSPECTOR_STATUS[code].label }))}
        width={120}
        testId="inspector-status-filter"
      />
    </>
  );

  const importHint = permissions.office
    ? '执法人员以执法证号识别：已有的更新，没有的新增。'
    : `执法人员以执法证号识别：已有的更新，没有的新增。部门管理员只能导入本部门（${permissions.department ? departmentName(permissions.department) : ''}）的人员，其他部门的行将被列为错误。`;
  // A department admin adds officers to the department only; the form fixes the department.
  const mayCreate = permissions.office || (permissions.department !== null && permissions.mayKeepInspectors(permissions.department));
  const actions = (
    <DirectoryActions
      kind="inspectors"
      onCreate={mayCreate ? () => setEditing({ inspector: null }) : null}
      mayImport={permissions.mayImportInspectors}
      importHint={importHint}
      onImported={refresh}
    />
  );
  const editButton = (inspector: InspectorRowFragment, block = false) =>
    permissions.mayKeepInspectors(inspector.department) && <RowEditButton block={block} onClick={() => setEditing({ inspector })} testId="inspector-edit" />;
  const anyEditable = inspectors?.nodes.some((inspector) => permissions.mayKeepInspectors(inspector.department)) ?? false;

  return (
    <DirectoryCard<InspectorRowFragment>
      title="执法检查人员名录库"
      testId="inspector-directory"
      filters={filterControls}
      actions={actions}
      pages={pages}
      connection={inspectors}
      list={{
        items: inspectors?.nodes ?? [],
        rowKey: (inspector) => inspector.id,
        itemTestId: (inspector) => `inspector-item-${inspector.id}`,
        loading,
        emptyText: '没有符合条件的执法人员',
        testId: 'inspector-list',
        columns: [
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '部门', dataIndex: 'department', width: 100, render: (value: DepartmentCode) => <Tag color="blue">{departmentName(value)}</Tag> },
          { title: '执法证号', dataIndex: 'certificateNumber', width: 190 },
          { title: '有效期', key: 'validity', width: 270, render: (_: unknown, inspector) => <Validity inspector={inspector} today={today} /> },
          { title: '在岗状态', key: 'status', width: 90, render: (_: unknown, inspector) => statusTag(inspector) },
          { title: '专业领域', key: 'expertise', width: 220, render: (_: unknown, inspector) => expertiseTags(inspector) },
          { title: '回避申报', key: 'conflicts', width: 90, render: (_: unknown, inspector) => conflictCount(inspector) },
          ...(anyEditable ? [{ title: '操作', key: 'actions', width: 80, render: (_: unknown, inspector: InspectorRowFragment) => editButton(inspector) }] : []),
        ],
        renderCard: (inspector) => (
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="start" gap={8}>
              <Flex gap={8} align="center">
                <Typography.Text strong>{inspector.name}</Typography.Text>
                <Tag color="blue">{departmentName(inspector.department)}</Tag>
              </Flex>
              {statusTag(inspector)}
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'certificate', label: '执法证号', children: inspector.certificateNumber },
                { key: 'validity', label: '有效期', children: <Validity inspector={inspector} today={today} /> },
                { key: 'expertise', label: '专业领域', children: expertiseTags(inspector) },
                { key: 'conflicts', label: '回避申报', children: conflictCount(inspector) },
              ]}
            />
            {editButton(inspector, true)}
          </Flex>
        ),
      }}
    >
      <InspectorFormDrawer
        open={!!editing}
        inspector={editing?.inspector ?? null}
        ownDepartment={permissions.office ? null : permissions.department}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </DirectoryCard>
  );
}
