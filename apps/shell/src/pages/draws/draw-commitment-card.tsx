import { Card, Descriptions, Table, Typography } from 'antd';
import { CardHeading, formatDateTime, InfoDescriptions } from '@dr/ui';
import type { DrawHeaderFragment } from '../../generated/graphql';
import { HashText } from '../../components/hash-text';

/** Props of {@link DrawCommitmentCard}. */
export interface DrawCommitmentCardProps {
  draw: DrawHeaderFragment;
  title?: string;
}

/**
 * What was published before any secret was revealed (R-DRAW-3 step 1): the draw commitment over both
 * directory snapshots, the parameters and every party's seed commitment. Changing any input
 * afterwards would change it.
 */
export function DrawCommitmentCard({ draw, title = '已公布的承诺' }: DrawCommitmentCardProps) {
  return (
    <Card title={<CardHeading>{title}</CardHeading>} size="small" data-testid="draw-commitment-card">
      <Typography.Paragraph style={{ marginBottom: 8 }}>抽取承诺（SHA-256）：</Typography.Paragraph>
      <Typography.Paragraph style={{ fontSize: 18 }}>
        <HashText value={draw.commitment} testId="draw-commitment" />
      </Typography.Paragraph>
      <InfoDescriptions
        testId="draw-snapshots"
        items={[
          { key: 'venues', label: '检查对象名录快照', children: <>{draw.venueCount} 家，哈希 <HashText value={draw.venueSnapshotHash} short={16} /></> },
          { key: 'inspectors', label: '执法人员名录快照', children: <>{draw.inspectorCount} 人，哈希 <HashText value={draw.inspectorSnapshotHash} short={16} /></> },
          { key: 'algorithm', label: '算法版本', children: draw.algorithm },
          { key: 'time', label: '公布时间', children: formatDateTime(draw.createdAt) },
        ]}
      />
      <Descriptions size="small" style={{ marginTop: 12 }} items={[{ key: 'parties', label: '各方种子承诺', children: `${draw.seedCommitments.length} 方` }]} />
      <Table
        size="small"
        pagination={false}
        rowKey="party"
        dataSource={draw.seedCommitments}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '参与方', dataIndex: 'party', width: 140 },
          { title: '承诺', dataIndex: 'commitment', render: (value: string) => <HashText value={value} /> },
        ]}
        data-testid="draw-seed-commitments"
      />
    </Card>
  );
}
