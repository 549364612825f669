import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { z } from 'zod';

const limit = (fallback: number) => z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(fallback);

/**
 * How big one GraphQL request may be, for the gateway and every subgraph (`.env.example`). The
 * defaults pass every query the shell, the remotes and the gateway's `_entities` plans send.
 */
export const queryLimitsConfigSchema = z.object({
  /** Deepest selection (fields inside fields); the UI's deepest is 10. */
  GRAPHQL_MAX_DEPTH: limit(15),
  /** Aliases in one operation (500 aliases of one field cost 21 s before this limit). */
  GRAPHQL_MAX_ALIASES: limit(30),
  /** Directives in one operation. */
  GRAPHQL_MAX_DIRECTIVES: limit(50),
  /** Tokens in one document; the parser stops at this count. */
  GRAPHQL_MAX_TOKENS: limit(5_000),
  /** Estimated cost: each field costs 1, a page multiplies what it holds by `first` (the UI's largest: about 3,000). */
  GRAPHQL_MAX_COST: limit(10_000),
  /** How long one request may run before its resolvers stop. */
  GRAPHQL_TIME_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
});
export type QueryLimits = z.infer<typeof queryLimitsConfigSchema>;

/** A refused request: too deep, too many aliases, too costly, too long. Code `QUERY_TOO_COMPLEX`. */
export class QueryTooComplex extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
  }
}

// graphql-armor reports in English; replace its error with ours (same node, Chinese text).
const refuse =
  (message: string): GraphQLArmorRejectCallback =>
  (context) =>
    context?.reportError(new QueryTooComplex(message));

/** Validation rules for depth, aliases and directives (graphql-armor). */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const common = { exposeLimits: false, propagateOnRejection: false } as const;
  return [
    maxDepthRule({ ...common, n: limits.GRAPHQL_MAX_DEPTH, onReject: [refuse(`查询嵌套层数超过上限（${limits.GRAPHQL_MAX_DEPTH} 层），请减少嵌套后重试`)] }),
    maxAliasesRule({ ...common, n: limits.GRAPHQL_MAX_ALIASES, onReject: [refuse(`查询中的别名数量超过上限（${limits.GRAPHQL_MAX_ALIASES} 个），请拆分后重试`)] }),
    maxDirectivesRule({ ...common, n: limits.GRAPHQL_MAX_DIRECTIVES, onReject: [refuse(`查询中的指令数量超过上限（${limits.GRAPHQL_MAX_DIRECTIVES} 个），请拆分后重试`)] }),
  ] as ValidationRule[];
}

/** Parser options: graphql-js stops parsing past `maxTokens` (before any validation work). */
export function queryParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.GRAPHQL_MAX_TOKENS };
}

/**
 * A page holds up to `first` of what it selects, and `_entities` as many entities as the gateway
 * sends representations, so their cost multiplies; other lists here are short and fixed (check items).
 * graphql-armor's cost limit ignores arguments, which is how `plan { inspections(first: 100) { nodes
 * { plan { inspections(first: 100) … } } } }` got through.
 */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + childComplexity * Math.max(1, args.first);
  if (Array.isArray(args.representations)) return 1 + childComplexity * Math.max(1, args.representations.length);
  return undefined;
};

/** An Apollo plugin that refuses an operation whose estimated cost is over the limit (it needs the variables). */
export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Bad variables: execution reports them as BAD_USER_INPUT naming the field; nothing runs.
            return;
          }
          if (cost > limits.GRAPHQL_MAX_COST) {
            throw new QueryTooComplex('查询的数据量过大，请减少每页条数或查询的字段后重试');
          }
        },
      };
    },
  };
}

/** Everything Apollo Server needs to enforce the limits: spread into its constructor options. */
export function queryLimitOptions(limits: QueryLimits) {
  return { validationRules: queryLimitRules(limits), parseOptions: queryParseOptions(limits), plugins: [queryCostPlugin(limits)] };
}
