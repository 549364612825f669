import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { describeGraphQLError } from '@dr/graphql-client';
import { useIsPhone } from '@dr/ui';
import { PublicVenueResultsDocument } from '../../generated/graphql';
import { PublicFrame } from './public-frame';
import { PublicResultList } from './public-result-list';

/** One venue's published results at a stable address, `/public/results/venue/<统一社会信用代码>`. */
export function PublicVenuePage() {
  const isPhone = useIsPhone();
  const uscc = useParams().uscc ?? '';
  const { data, loading, error, refetch } = useQuery(PublicVenueResultsDocument, { variables: { uscc } });
  const venue = data?.publicVenueResults;
  const back = (
    <Link to="/public/results" data-testid="public-venue-back">
      返回抽查结果公示
    </Link>
  );

  let body;
  if (loading && !data) body = <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  else if (error)
    body = (
      <Alert type="error" showIcon message="公示结果加载失败" description={describeGraphQLError(error)} action={<Button onClick={() => void refetch()}>重试</Button>} data-testid="public-venue-error" />
    );
  else if (!venue) body = <Result status="info" title="该检查对象暂无公示的抽查检查结果" subTitle={`统一社会信用代码：${uscc}`} extra={back} data-testid="public-venue-empty" />;
  else
    body = (
      <>
        <Typography.Title level={2} style={{ fontSize: isPhone ? 18 : 22, marginTop: 0 }} data-testid="public-venue-name">
          {venue.venueName}
        </Typography.Title>
        <Descriptions
          size="small"
          column={isPhone ? 1 : 2}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'uscc', label: '统一社会信用代码', children: venue.uscc },
            { key: 'street', label: '街道', children: venue.street },
          ]}
        />
        <PublicResultList rows={venue.results} linkVenue={false} />
        <div style={{ marginTop: 16 }}>{back}</div>
      </>
    );

  return (
    <PublicFrame section="抽查结果公示" footnote="本页公示各部门已公开的抽查检查结果，不含个人信息；结果如有更正，同时公示更正原因和日期。">
      <Card data-testid="public-venue-page">{body}</Card>
    </PublicFrame>
  );
}
