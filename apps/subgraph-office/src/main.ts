import { inspectionExportRoutes } from './progress/inspection-export.routes';
import 'reflect-metadata';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WEIDONG_STREETS } from '@dr/demo-data';
import { createRenderPool, defaultRenderThreads } from '@dr/documents';
import { auditExportRoute, createFileStore, databaseConfigSchema, officeOnly, loadConfig, privateKeyFrom, RedisSessionRevocations, runMain, startSubgraph, z, type Logger } from '@dr/subgraph-kit';
import type { DataSource } from 'typeorm';
import type { EventPayloads } from '@dr/domain';
import { buildOfficeSchema } from './schema';
import { createOfficeLoaders } from './loaders';
import { OFFICE_ENTITIES, OFFICE_MIGRATIONS } from './entities';
import { seedOffice } from './seed';
import { drawRoutes } from './draw/draw.routes';
import { AuthService } from './auth/auth.service';
import { AccountService } from './auth/account.service';
import { DEFAULT_SESSION_SETTINGS, SessionService } from './auth/session.service';
import { sessionRoutes } from './auth/session.routes';
import { LOGIN_THROTTLE_POLICY } from './auth/login-throttle.policy';
import type { LoginThrottleStore } from './auth/login-throttle.store';
import { SqlLoginThrottleStore } from './auth/login-throttle-sql.store';
import { RedisLoginThrottleStore } from './auth/login-throttle-redis.store';
import { ImportService } from './directory-import/import.service';
import { importRoutes } from './directory-import/import.routes';
import { VisitService } from './visit/visit.service';
import { applySectionAmended } from './visit/record-amendment.handler';
import { SignerConfirmation } from './auth/signer-confirmation';
import { DepartmentSections } from './visit/department-sections.client';
import { visitRoutes } from './visit/visit.routes';
import { publicResultRoutes } from './public-results/public-result.routes';
import { publicResultHandlers } from './public-results/public-result.handlers';
import { applyVenueInspected } from './venue-history/venue-inspected.handler';
import { reportRoutes } from './reports/report.routes';
import { DepartmentRows } from './reports/department-rows.client';

runMain('office', async () => {
  const config = loadConfig(
    z.object({
      // Only the office holds the private key: it owns the users and signs their tokens.
      AUTH_PRIVATE_KEY: z.string().min(1, 'AUTH_PRIVATE_KEY 未设置：联席办服务需要签发登录令牌的私钥（PEM）'),
      /** Where uploaded directory files wait between the dry run and the commit. */
      IMPORT_DIR: z.string().min(1).default(join(tmpdir(), 'dr-imports')),
      /** The district's streets (街道), comma-separated; a venue, imported or entered, must be on one of them. */
      DISTRICT_STREETS: z.string().default(WEIDONG_STREETS.map((s) => s.name).join(',')),
      /** The gateway, through which the office reads the departments' sections (record forms, signing). */
      GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
      FILES_DIR: databaseConfigSchema.shape.FILES_DIR,
      /** Worker threads that render the PDFs (each holds the CJK font); default: CPUs − 1, 1 to 4. */
      PDF_RENDER_THREADS: z.coerce.number().int().min(1).max(32).default(defaultRenderThreads()),
      /** PDFs that may wait for a worker; beyond that the office answers 503 (busy, try again). */
      PDF_RENDER_QUEUE: z.coerce.number().int().min(1).max(10_000).default(32),
      /** Redis for the failed-login counters (shared by several office processes); unset: the office database. */
      REDIS_URL: z.url({ protocol: /^rediss?$/, message: '应为 Redis 地址，例如 redis://127.0.0.1:6379' }).optional(),
      /** How long an access token lives (seconds); a revoked session's tokens die within this at the latest. */
      ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(DEFAULT_SESSION_SETTINGS.accessTtlSeconds),
      /** How long a login lasts at most, however often it is refreshed (seconds). */
      REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(7 * 24 * 3600).default(DEFAULT_SESSION_SETTINGS.refreshTtlSeconds),
      EVENTS_TOKEN: databaseConfigSchema.shape.EVENTS_TOKEN,
    }),
  );
  const signingKey = privateKeyFrom(config.AUTH_PRIVATE_KEY);
  const { forgetAfterSeconds } = LOGIN_THROTTLE_POLICY;
  // Connected now, so an unreachable Redis stops the office at start rather than failing logins later.
  const redisThrottle = config.REDIS_URL ? await RedisLoginThrottleStore.connect(config.REDIS_URL, forgetAfterSeconds) : undefined;
  const throttleFor = (dataSource: DataSource): LoginThrottleStore => redisThrottle ?? new SqlLoginThrottleStore(dataSource, forgetAfterSeconds);
  // With Redis, the office names ended sessions there for every server; without, they poll it.
  const redisRevocations = config.REDIS_URL ? await RedisSessionRevocations.connect(config.REDIS_URL) : null;
  let sessions: SessionService | undefined;
  const sessionsFor = (dataSource: DataSource) =>
    (sessions ??= new SessionService(dataSource, signingKey, { accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS, refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS }, redisRevocations));
  let imports: ImportService | undefined;
  const importsFor = (dataSource: DataSource, logger: Logger) => {
    if (imports) return imports;
    imports = new ImportService(dataSource, { directory: resolve(config.IMPORT_DIR), streets: config.DISTRICT_STREETS.split(',').map((s) => s.trim()).filter(Boolean), logger });
    imports.failInterrupted().catch((error: unknown) => logger.error({ err: error }, 'could not mark interrupted imports'));
    return imports;
  };
  const files = createFileStore(join(resolve(config.FILES_DIR), 'office'));
  const sections = new DepartmentSections(config.GATEWAY_URL);
  const renderer = createRenderPool({ threads: config.PDF_RENDER_THREADS, maxQueue: config.PDF_RENDER_QUEUE });
  // Parse the CJK font now, in a worker: a bad PDF_FONT_PATH stops the server at start, not at the first print.
  await renderer.warm();
  await startSubgraph({
    name: 'office',
    defaultPort: 4001,
    entities: OFFICE_ENTITIES,
    migrations: OFFICE_MIGRATIONS,
    createLoaders: createOfficeLoaders,
    buildSchema: (dataSource, logger) =>
      buildOfficeSchema(dataSource, {
        auth: new AuthService(dataSource, sessionsFor(dataSource), throttleFor(dataSource)),
        sessions: sessionsFor(dataSource),
        accounts: new AccountService(dataSource, sessionsFor(dataSource), throttleFor(dataSource)),
        imports: importsFor(dataSource, logger),
        visits: new VisitService(dataSource, files, sections, new SignerConfirmation(dataSource, throttleFor(dataSource))),
        files,
      }),
    revokedSessions: (dataSource) => () => sessionsFor(dataSource).revokedSessionIds(),
    seed: seedOffice,
    // A department published a result or closed a re-inspection: the venue's last inspection moves forward (R-PUB-3).
    routes: (dataSource, publicKey, logger) => [
      ...drawRoutes(dataSource),
      ...importRoutes(dataSource, importsFor(dataSource, logger), publicKey),
      ...visitRoutes({ dataSource, files, sections, renderer, publicKey, logger }),
      ...publicResultRoutes(dataSource),
      auditExportRoute({ path: '/files/audit.csv', fileName: '联席办审计日志.csv', dataSource, publicKey, authorize: officeOnly }),
      ...inspectionExportRoutes(dataSource, publicKey),
      ...sessionRoutes(sessionsFor(dataSource), config.EVENTS_TOKEN),
      ...reportRoutes({ dataSource, files, rows: new DepartmentRows(config.GATEWAY_URL), gatewayUrl: config.GATEWAY_URL, publicKey, logger }),
    ],
    // What the departments tell the office (ADR 0013): published results, and venues' latest inspections.
    eventHandlers: (_dataSource, logger) => ({
      ...publicResultHandlers(logger),
      'venue.inspected': (manager, event) => applyVenueInspected(manager, event.payload as EventPayloads['venue.inspected']),
      // A department amended a submitted section: after signing, it is a dated entry of its own on the record form (ADR 0015).
      'section.amended': (manager, event) => applySectionAmended(manager, event, logger),
    }),
    metrics: () => {
      const pool = renderer.stats();
      return [
        '# TYPE pdf_render_threads gauge',
        `pdf_render_threads{service="office"} ${pool.threads}`,
        '# TYPE pdf_render_queue gauge',
        `pdf_render_queue{service="office"} ${pool.queued}`,
        '# TYPE pdf_rendered_total counter',
        `pdf_rendered_total{service="office"} ${pool.completed}`,
        '# TYPE pdf_render_refused_total counter',
        `pdf_render_refused_total{service="office"} ${pool.refused}`,
        '',
      ].join('\n');
    },
  });
});
