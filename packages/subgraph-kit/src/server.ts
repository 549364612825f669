import type { KeyObject } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { clientAddressOf, principalFromHeader, publicKeyFrom } from './auth';
import { ConfigError, databaseConfigSchema, demoSeedWanted, loadConfig, portWithDefault, serverConfigSchema, type DatabaseConfig, type ServerConfig } from './config';
import { requirePrincipal, type RequestContext } from './context';
import { openDataSource, type DataSourceSpec } from './data-source';
import { createErrorFormatter } from './errors';
import { createHttpApp, type HttpApp, type HttpRoute } from './http';
import { createLogger } from './logger';
import { renderMetrics, requestCountingPlugin } from './metrics';
import { queryLimitOptions } from './query-limits';
import { stopResolversOnAbort } from './request-signal';
import { closeOnSignals } from './shutdown';
import { setAuditActor } from './audit/audit-scope';
import { logAuditHeadPeriodically } from './audit/audit-anchor';
import { installSessionRevocations } from './sessions';
import { EventRelay, HttpEventTransport, eventRoutes, type EventHandlers } from './events';

export interface SubgraphServerOptions<Loaders> {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  logger: Logger;
  publicKey: KeyObject;
  /** Fresh DataLoaders for each request, so batching never leaks data between requests. */
  createLoaders: (dataSource: DataSource) => Loaders;
  routes?: HttpRoute[];
  /** More lines for `/metrics` (Prometheus text), e.g. a worker pool's queue. */
  metrics?: () => string;
  /** Mode (production hides the schema), request limits, the `/metrics` token. */
  config: ServerConfig;
}

/**
 * In production only a signed-in caller (the gateway forwards the user's token) may read the
 * subgraph's SDL through `_service`; the gateway never asks, it loads a supergraph composed at build time.
 */
function guardServiceSdl(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._service;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args, context: RequestContext<unknown>, info) => {
    requirePrincipal(context);
    return resolve(source, args, context, info);
  };
}

/** Names the caller as the actor of the request's audited writes, and passes it on. */
function withAuditActor<P extends Parameters<typeof setAuditActor>[0]>(principal: P): P {
  setAuditActor(principal);
  return principal;
}

/** A subgraph's HTTP server (not yet listening): tests call this; `startSubgraph` runs it. */
export async function createSubgraphServer<Loaders>(options: SubgraphServerOptions<Loaders>): Promise<HttpApp> {
  const { logger, dataSource, config } = options;
  const production = config.NODE_ENV === 'production';
  const schema = stopResolversOnAbort(options.schema);
  if (production) guardServiceSdl(schema);
  const limits = queryLimitOptions(config);
  const apollo = new ApolloServer<RequestContext<Loaders>>({
    schema,
    formatError: createErrorFormatter(logger, { production }),
    includeStacktraceInErrorResponses: false,
    // closeOnSignals drains and exits; Apollo's own handler would re-raise SIGTERM and kill the process first.
    stopOnTerminationSignals: false,
    introspection: !production,
    // No "Did you mean …" naming fields a caller did not ask for.
    hideSchemaDetailsFromClientErrors: production,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    logger,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Traces are for Apollo's hosted studio, which this platform does not use.
      ApolloServerPluginInlineTraceDisabled(),
      requestCountingPlugin(),
      ...limits.plugins,
    ],
  });
  await apollo.start();
  return createHttpApp({
    service: options.name,
    logger,
    apollo,
    timeBudgetMs: config.GRAPHQL_TIME_BUDGET_MS,
    metricsAccess: { token: config.METRICS_TOKEN, production },
    context: async (request, requestId, signal) => ({
      principal: withAuditActor(await principalFromHeader(request.headers.authorization, options.publicKey)),
      authorization: request.headers.authorization ?? null,
      requestId,
      clientAddress: clientAddressOf(request),
      logger: logger.child({ requestId }),
      loaders: options.createLoaders(dataSource),
      signal,
    }),
    health: async () => {
      await dataSource.query('SELECT 1');
      return { database: 'ok' };
    },
    metrics: () => renderMetrics(options.name) + (options.metrics?.() ?? ''),
    routes: options.routes,
  });
}

export interface SubgraphDefinition<Loaders> extends DataSourceSpec {
  defaultPort: number;
  buildSchema: (dataSource: DataSource, logger: Logger) => Promise<GraphQLSchema>;
  createLoaders: (dataSource: DataSource) => Loaders;
  /** Loads the demo data once into an empty database. */
  seed?: (dataSource: DataSource, logger: Logger) => Promise<void>;
  /** Plain HTTP routes beside `/graphql` (they check the token themselves where needed). */
  routes?: (dataSource: DataSource, publicKey: KeyObject, logger: Logger, config: DatabaseConfig) => HttpRoute[];
  /** More lines for `/metrics` (Prometheus text). */
  metrics?: () => string;
  /** Office only: the sessions ended within the last access-token lifetime, read from its own table. */
  revokedSessions?: (dataSource: DataSource) => () => Promise<string[]>;
  /** The events this subgraph consumes from others (applied once each, in their own transaction). */
  eventHandlers?: (dataSource: DataSource, logger: Logger) => EventHandlers;
}

/** Reads the environment, opens the database (migrating it), seeds, listens, and closes on signals. */
export async function startSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(serverConfigSchema.extend(databaseConfigSchema.shape).extend({ PORT: portWithDefault(definition.defaultPort) }), env);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  // Checked before the database is touched: a refused production start leaves nothing behind.
  const seed = demoSeedWanted(config);
  const dataSource = await openDataSource(definition, config, logger);
  if (seed && definition.seed) await definition.seed(dataSource, logger);
  const publicKey = publicKeyFrom(config.AUTH_PUBLIC_KEY);
  const revocations = await installSessionRevocations({
    config,
    officeUrl: config.EVENT_PEERS.office ?? 'http://127.0.0.1:4001',
    local: definition.revokedSessions?.(dataSource),
    logger,
  });
  const events = config.EVENTS_TOKEN
    ? {
        relay: new EventRelay({ dataSource, source: definition.name, transport: new HttpEventTransport(config.EVENT_PEERS, config.EVENTS_TOKEN), logger, intervalMs: config.EVENTS_POLL_MS }),
        routes: eventRoutes(dataSource, definition.eventHandlers?.(dataSource, logger) ?? {}, config.EVENTS_TOKEN, logger),
      }
    : null;
  if (!events && config.NODE_ENV === 'production') throw new ConfigError('配置有误 (invalid configuration):\n  EVENTS_TOKEN: 生产环境必须设置（子图之间传递事件的共享密钥）');
  if (!events) logger.warn('EVENTS_TOKEN is not set: this subgraph neither sends nor receives events');
  const app = await createSubgraphServer({
    name: definition.name,
    schema: await definition.buildSchema(dataSource, logger),
    dataSource,
    logger,
    publicKey,
    createLoaders: definition.createLoaders,
    routes: [...(definition.routes?.(dataSource, publicKey, logger, config) ?? []), ...(events?.routes ?? [])],
    metrics: definition.metrics,
    config,
  });
  const { url } = await app.listen(config.PORT, config.HOST);
  events?.relay.start();
  logger.info({ url, db: config.DB_CLIENT }, 'subgraph ready');
  const stopAnchoring = logAuditHeadPeriodically(dataSource, logger, config.AUDIT_HEAD_LOG_MINUTES * 60_000);
  closeOnSignals(logger, async () => {
    stopAnchoring();
    await events?.relay.stop();
    await app.close();
    await revocations?.close();
    await dataSource.destroy();
  });
}

/** Runs `main` and turns a start-up failure (bad config, database down) into one clear log line and exit 1. */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const logger = createLogger(service);
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'failed to start');
    process.exit(1);
  });
}

export { z };
