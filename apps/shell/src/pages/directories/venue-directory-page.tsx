import { useCallback, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { AutoComplete, Descriptions, Flex, Tag, Typography } from 'antd';
import {
  formatDate,
  RISK_CLASSES,
  riskClassColor,
  riskClassLabel,
  useCursorPages,
  useIsPhone,
  VENUE_STATUS,
  type VenueStatusCode,
} from '@dr/ui';
import { VenueDirectoryDocument, type VenueRowFragment } from '../../generated/graphql';
import { usePageFrame } from '../../layout/page-frame';
import { usePermissions } from '../../session/use-permissions';
import { LoadError } from '../page-states';
import { DirectoryActions, DirectorySearch, FilterSelect, RowEditButton, useDirectoryFilters } from './directory-controls';
import { DirectoryCard } from './directory-card';
import { useStreetOptions } from './use-street-options';
import { VenueFormDrawer } from './venue-form-drawer';

interface VenueFilters {
  search?: string;
  street?: string;
  status?: VenueStatusCode;
  riskClass?: string;
}

function CodeCell({ venue }: { venue: VenueRowFragment }) {
  return (
    <Flex gap={4} align="center" wrap>
      <Typography.Text copyable={{ text: venue.uscc, tooltips: ['复制', '已复制'] }}>{venue.uscc}</Typography.Text>
      {venue.codeKind === 'LEGACY_REGISTRATION' && (
        <Tag color="warning" data-testid="legacy-code-tag">
          旧注册号
        </Tag>
      )}
    </Flex>
  );
}

function LastInspection({ venue }: { venue: VenueRowFragment }) {
  if (!venue.lastInspectionDate) return <Typography.Text type="secondary">未检查</Typography.Text>;
  return (
    <Flex gap={4} align="center" wrap>
      <span>{formatDate(venue.lastInspectionDate)}</span>
      {venue.lastInspectionProblemFound ? <Tag color="error">发现问题</Tag> : <Tag>未发现问题</Tag>}
    </Flex>
  );
}

const statusTag = (venue: VenueRowFragment) => <Tag color={VENUE_STATUS[venue.status].color}>{VENUE_STATUS[venue.status].label}</Tag>;
const riskTag = (venue: VenueRowFragment) => <Tag color={riskClassColor(venue.riskClass)}>{riskClassLabel(venue.riskClass)}</Tag>;

/**
 * 检查对象名录库: every venue of the district, a page at a time from the server, with search and
 * filters; the joint office adds, edits, imports; everyone signed in may export.
 */
export function VenueDirectoryPage() {
  usePageFrame('检查对象名录', [{ title: '名录库' }, { title: '检查对象名录' }]);
  const isPhone = useIsPhone();
  const permissions = usePermissions();
  const pages = useCursorPages(20);
  const [filters, applyFilters] = useDirectoryFilters<VenueFilters>(pages);
  const [streetText, setStreetText] = useState('');
  const [editing, setEditing] = useState<{ venue: VenueRowFragment | null } | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(VenueDirectoryDocument, {
    variables: { first: pages.first, after: pages.after, ...filters },
    notifyOnNetworkStatusChange: true,
  });
  const venues = (data ?? previousData)?.venues;
  const streetOptions = useStreetOptions(venues?.nodes.map((venue) => venue.street));
  const refresh = useCallback(() => void refetch(), [refetch]);

  if (error && !venues) return <LoadError what="检查对象名录" error={error} onRetry={refresh} />;

  const filterControls = (
    <>
      <DirectorySearch placeholder="名称或统一社会信用代码" onSearch={(search) => applyFilters({ search })} width={260} testId="venue-search" />
      <AutoComplete
        allowClear
        options={streetOptions}
        value={streetText}
        onChange={(value: string | undefined) => {
          setStreetText(value ?? '');
          if (!value) applyFilters({ street: undefined });
        }}
        onSelect={(value: string | undefined) => applyFilters({ street: value || undefined })}
        onBlur={() => applyFilters({ street: streetText.trim() || undefined })}
        filterOption={(input, option) => String(option?.value ?? '').includes(input)}
        placeholder="所属街道"
        aria-label="所属街道"
        style={{ width: isPhone ? '100%' : 170 }}
        data-testid="venue-street-filter"
      />
      <FilterSelect<VenueStatusCode>
        placeholder="经营状态"
        value={filters.status}
        onChange={(status) => applyFilters({ status })}
        options={(Object.keys(VENUE_STATUS) as VenueStatusCode[]).map((code) => ({ value: code, label: VENUE_STATUS[code].label }))}
        width={120}
        testId="venue-status-filter"
      />
      <FilterSelect<string>
        placeholder="信用风险分类"
        value={filters.riskClass}
        onChange={(riskClass) => applyFilters({ riskClass })}
        options={RISK_CLASSES.map((riskClass) => ({ value: riskClass.code, label: riskClassLabel(riskClass.code) }))}
        width={150}
        testId="venue-risk-filter"
      />
    </>
  );

  const actions = (
    <DirectoryActions
      kind="venues"
      onCreate={permissions.office ? () => setEditing({ venue: null }) : null}
      mayImport={permissions.office}
      importHint="检查对象以统一社会信用代码识别：已有的更新，没有的新增。"
      onImported={refresh}
    />
  );
  const editButton = (venue: VenueRowFragment, block = false) =>
    permissions.office && <RowEditButton block={block} onClick={() => setEditing({ venue })} testId="venue-edit" />;

  return (
    <DirectoryCard<VenueRowFragment>
      title="检查对象名录库"
      testId="venue-directory"
      filters={filterControls}
      actions={actions}
      pages={pages}
      connection={venues}
      list={{
        items: venues?.nodes ?? [],
        rowKey: (venue) => venue.id,
        itemTestId: (venue) => `venue-item-${venue.id}`,
        loading,
        emptyText: '没有符合条件的检查对象',
        testId: 'venue-list',
        // Fixed column widths that add up to what a 1366 px screen has beside the menu: nothing scrolls under
        // the pinned 操作 column there (终端台数 was cut off), and long text wraps inside its column.
        scrollX: 1024,
        columns: [
          { title: '名称', dataIndex: 'name', width: 190 },
          { title: '统一社会信用代码', key: 'uscc', width: 200, render: (_: unknown, venue) => <CodeCell venue={venue} /> },
          { title: '所属街道', dataIndex: 'street', width: 110 },
          { title: '经营状态', key: 'status', width: 80, render: (_: unknown, venue) => statusTag(venue) },
          { title: '信用风险分类', key: 'riskClass', width: 110, render: (_: unknown, venue) => riskTag(venue) },
          { title: '最近检查', key: 'lastInspection', width: 160, render: (_: unknown, venue) => <LastInspection venue={venue} /> },
          // Four characters and the cell's padding need 96 px (more in 大字版): the header stays on one line.
          { title: '终端台数', dataIndex: 'terminals', width: 104, align: 'right', onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (value: number | null) => value ?? '—' },
          ...(permissions.office ? [{ title: '操作', key: 'actions', width: 70, fixed: 'right' as const, render: (_: unknown, venue: VenueRowFragment) => editButton(venue) }] : []),
        ],
        renderCard: (venue) => (
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong>{venue.name}</Typography.Text>
              {statusTag(venue)}
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'uscc', label: '信用代码', children: <CodeCell venue={venue} /> },
                { key: 'street', label: '所属街道', children: venue.street },
                { key: 'risk', label: '风险分类', children: riskTag(venue) },
                { key: 'last', label: '最近检查', children: <LastInspection venue={venue} /> },
                { key: 'terminals', label: '终端台数', children: venue.terminals ?? '—' },
              ]}
            />
            {editButton(venue, true)}
          </Flex>
        ),
      }}
    >
      <VenueFormDrawer
        open={!!editing}
        venue={editing?.venue ?? null}
        streetOptions={streetOptions}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </DirectoryCard>
  );
}
