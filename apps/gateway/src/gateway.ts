import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { SUPERGRAPH_PATH, type SubgraphName } from '@dr/supergraph';
import { createErrorFormatter, createHttpApp, installSessionRevocations, publicKeyFrom, queryLimitOptions, renderMetrics, requestCountingPlugin, type HttpApp, type Logger } from '@dr/subgraph-kit';
import type { GatewayConfig } from './config';
import { clientAddressResolver, createGatewayContext, type GatewayContext } from './context';
import { SubgraphDataSource } from './subgraph-data-source';
import { fileProxyRoutes } from './file-proxy';
import { cookieSessionRoutes } from './cookie-session';

function subgraphUrls(config: GatewayConfig): Record<SubgraphName, string> {
  return { office: config.OFFICE_URL, culture: config.CULTURE_URL, market: config.MARKET_URL, fire: config.FIRE_URL };
}

async function probe(url: string): Promise<string> {
  try {
    const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(1000) });
    return response.ok ? 'ok' : `unhealthy (${response.status})`;
  } catch {
    return 'unreachable';
  }
}

/**
 * The gateway: loads the supergraph composed at build time (no introspection, so it starts while a
 * subgraph is down), plans each query across the subgraphs and serves `/graphql`, `/health`, `/metrics`.
 */
export async function createGateway(config: GatewayConfig, logger: Logger): Promise<HttpApp> {
  const urls = subgraphUrls(config);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => new SubgraphDataSource(name, urls[name as SubgraphName], config.SUBGRAPH_TIMEOUT_MS),
    logger,
  });
  const production = config.NODE_ENV === 'production';
  // The same limits as every subgraph, checked here first so an oversized query never fans out.
  const limits = queryLimitOptions(config);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorFormatter(logger, { production }),
    includeStacktraceInErrorResponses: false,
    // closeOnSignals drains and exits; Apollo's own handler would re-raise SIGTERM and kill the process first.
    stopOnTerminationSignals: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    logger,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      requestCountingPlugin(),
      ...limits.plugins,
    ],
  });
  await apollo.start();
  const publicKey = publicKeyFrom(config.AUTH_PUBLIC_KEY);
  // The gateway refuses an ended session itself too, before any subgraph is asked.
  const revocations = await installSessionRevocations({ config, officeUrl: config.OFFICE_URL, logger });
  const clientAddress = clientAddressResolver(config.TRUSTED_PROXIES);
  const app = createHttpApp({
    service: 'gateway',
    logger,
    apollo,
    corsOrigins: config.CORS_ORIGINS,
    timeBudgetMs: config.GRAPHQL_TIME_BUDGET_MS,
    metricsAccess: { token: config.METRICS_TOKEN, production },
    context: (request, requestId, signal) => createGatewayContext(request, requestId, publicKey, clientAddress, signal),
    // The gateway is up when it can plan queries; subgraphs are reported, not required (degraded mode).
    health: async () => {
      const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await probe(url)] as const));
      return Object.fromEntries(entries);
    },
    metrics: () => renderMetrics('gateway'),
    routes: [
      ...fileProxyRoutes(subgraphUrls(config), config.SUBGRAPH_TIMEOUT_MS, clientAddress),
      ...cookieSessionRoutes({ officeUrl: config.OFFICE_URL, secure: production, clientAddress, timeoutMs: config.SUBGRAPH_TIMEOUT_MS, logger }),
    ],
  });
  return {
    ...app,
    close: async () => {
      await app.close();
      await revocations?.close();
    },
  };
}
