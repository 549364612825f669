import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Input, Select, Typography } from 'antd';
import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { useSearchParams } from 'react-router-dom';
import { describeGraphQLError, gatewayOrigin } from '@dr/graphql-client';
import { CursorPager, departmentName, useCursorPages, useIsPhone, type DepartmentCode } from '@dr/ui';
import { useGatewayUrl } from '../../config/runtime-config-context';
import { PublicResultPlansDocument, PublicResultsDocument, type Department } from '../../generated/graphql';
import { PublicFrame } from './public-frame';
import { PublicResultList } from './public-result-list';

const DEPARTMENT_CODES: DepartmentCode[] = ['CULTURE', 'MARKET', 'FIRE'];

/** The open-data file of the current filters on the gateway (no login; the server caps the rows). */
function openDataUrl(gatewayUrl: string, kind: 'csv' | 'json', filter: { planId?: string; department?: string; search?: string }): string {
  const url = new URL(`/files/public/results.${kind}`, gatewayOrigin(gatewayUrl));
  if (filter.planId) url.searchParams.set('planId', filter.planId);
  if (filter.department) url.searchParams.set('department', filter.department.toLowerCase());
  if (filter.search) url.searchParams.set('search', filter.search);
  return url.toString();
}

/**
 * 抽查结果公示 (一公开, R-PUB-1): anyone, without an account, finds the published results by name or
 * 统一社会信用代码, plan and department, and downloads them as open data. The filters live in the
 * address, so a search can be shared as a link.
 */
export function PublicResultsPage() {
  const isPhone = useIsPhone();
  const gatewayUrl = useGatewayUrl();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const planId = params.get('plan') ?? '';
  const department = (params.get('department') ?? '') as DepartmentCode | '';
  const [text, setText] = useState(search);
  const pages = useCursorPages(20);
  const { reset } = pages;
  useEffect(() => reset(), [search, planId, department, reset]);

  const filter = { search: search || undefined, planId: planId || undefined, department: (department || undefined) as Department | undefined };
  const { data, previousData, loading, error, refetch } = useQuery(PublicResultsDocument, {
    variables: { filter, first: pages.first, after: pages.after },
    notifyOnNetworkStatusChange: true,
  });
  const plans = useQuery(PublicResultPlansDocument).data?.publicResultPlans ?? [];
  const results = (data ?? previousData)?.publicResults;

  const setParam = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <PublicFrame section="抽查结果公示" footnote="本页公示各部门已公开的抽查检查结果，不含个人信息；结果如有更正，同时公示更正原因和日期。">
      <Card data-testid="public-results-page">
        <Typography.Title level={2} style={{ fontSize: isPhone ? 18 : 22, marginTop: 0 }}>
          互联网上网服务营业场所联合抽查检查结果
        </Typography.Title>
        <Flex vertical={isPhone} gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            enterButton="查询"
            placeholder="输入名称或统一社会信用代码"
            aria-label="按名称或统一社会信用代码查询"
            value={text}
            maxLength={100}
            onChange={(event) => setText(event.target.value)}
            onSearch={(value) => setParam('q', value.trim())}
            style={{ width: isPhone ? '100%' : 360 }}
            data-testid="public-results-search"
          />
          <Select
            allowClear
            placeholder="全部实施方案"
            aria-label="实施方案"
            value={planId || undefined}
            onChange={(value?: string) => setParam('plan', value ?? '')}
            options={plans.map((plan) => ({ value: plan.id, label: plan.title }))}
            style={{ width: isPhone ? '100%' : 260 }}
            data-testid="public-results-plan"
          />
          <Select
            allowClear
            placeholder="全部检查部门"
            aria-label="检查部门"
            value={department || undefined}
            onChange={(value?: string) => setParam('department', value ?? '')}
            options={DEPARTMENT_CODES.map((code) => ({ value: code, label: departmentName(code, 'full') }))}
            style={{ width: isPhone ? '100%' : 220 }}
            data-testid="public-results-department"
          />
        </Flex>
        {error && (
          <Alert
            type="error"
            showIcon
            message="公示结果加载失败"
            description={describeGraphQLError(error)}
            action={<Button onClick={() => void refetch()}>重试</Button>}
            style={{ marginBottom: 16 }}
            data-testid="public-results-error"
          />
        )}
        <PublicResultList rows={results?.nodes ?? []} loading={loading} emptyText={search ? '没有找到符合条件的公示结果' : '暂无公示结果'} />
        {results && <CursorPager pages={pages} totalCount={results.totalCount} pageInfo={results.pageInfo} loading={loading} />}
        <Flex gap={12} wrap style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">下载当前查询结果：</Typography.Text>
          <Button icon={<DownloadOutlined />} href={openDataUrl(gatewayUrl, 'csv', filter)} data-testid="public-results-csv">
            表格文件（CSV）
          </Button>
          <Button icon={<DownloadOutlined />} href={openDataUrl(gatewayUrl, 'json', filter)} data-testid="public-results-json">
            数据文件（JSON）
          </Button>
        </Flex>
      </Card>
    </PublicFrame>
  );
}
