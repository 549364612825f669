import type { ReactNode } from 'react';
import { Button, Flex, Result } from 'antd';
import { Link } from 'react-router-dom';
import { describeGraphQLError } from '@dr/graphql-client';

/** Props of {@link LoadError}. */
export interface LoadErrorProps {
  /** What failed to load, e.g. `抽查计划`. */
  what: string;
  error: unknown;
  onRetry: () => void;
}

/** A page-level load failure, described by the error's code, with 重试. */
export function LoadError({ what, error, onRetry }: LoadErrorProps) {
  return (
    <Result
      status="error"
      title={`${what}加载失败`}
      subTitle={describeGraphQLError(error)}
      extra={
        <Button type="primary" onClick={onRetry} data-testid="load-error-retry">
          重试
        </Button>
      }
      data-testid="load-error"
    />
  );
}

/** Props of {@link DetailPageBody}. */
export interface DetailPageBodyProps {
  /** What the page shows, e.g. `抽查计划`: used in the failure and not-found texts. */
  what: string;
  /** The record as loaded; null or undefined when the server has none. */
  record: unknown;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  testId: string;
  children: ReactNode;
}

/**
 * The states every detail page shares: load failure with 重试, "未找到" when the server has no such
 * record, otherwise the page's cards stacked.
 */
export function DetailPageBody(props: DetailPageBodyProps) {
  if (props.error && !props.record) return <LoadError what={props.what} error={props.error} onRetry={props.onRetry} />;
  if (!props.loading && !props.record) {
    return <Result status="404" title={`未找到该${props.what}`} extra={<Link to="/">返回计划列表</Link>} data-testid={`${props.testId}-not-found`} />;
  }
  return (
    <Flex vertical gap={16} data-testid={props.testId}>
      {props.children}
    </Flex>
  );
}
