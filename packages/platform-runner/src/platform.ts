import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PORTS, entryPoint, healthUrl, SERVICE_NAMES, SUBGRAPH_SERVICES, WEB_SERVICES, type ServiceName } from './services';
import { ServiceProcess } from './process';

export interface PlatformOptions {
  /** Embedded SQLite (default) or MySQL/MariaDB (connection from MYSQL_* in the environment). */
  db?: 'sqlite' | 'mariadb';
  /** Also start the shell and the department remotes. */
  web?: boolean;
  /** `default` uses 3000–3003 and 4000–4004; `free` takes free ports (tests, benchmarks). */
  ports?: 'default' | 'free';
  /** Where SQLite files go; a new temporary folder when omitted. */
  dataDir?: string;
  /** MySQL database prefix; a unique throw-away one when omitted (dropped by `close()`). */
  mysqlDatabasePrefix?: string;
  /** `inherit` prints every service's log lines here; otherwise they go to files in `logDir`. */
  output?: 'inherit' | 'files';
  /** Extra environment for every service. */
  env?: NodeJS.ProcessEnv;
}

export interface Platform {
  urls: { gateway: string; shell: string; graphql: Record<'office' | 'culture' | 'market' | 'fire', string>; health: Record<ServiceName, string> };
  ports: Record<ServiceName, number>;
  logDir: string;
  /** Stops one service (SIGTERM), e.g. to test how the others cope. */
  stop(name: ServiceName): Promise<void>;
  /** Starts a stopped service again and waits for its health. */
  start(name: ServiceName): Promise<void>;
  /** Stops everything; drops the throw-away MySQL databases. */
  close(): Promise<void>;
  /** The process id of a running service. */
  pid(name: ServiceName): number | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function allocatePorts(mode: 'default' | 'free'): Promise<Record<ServiceName, number>> {
  if (mode === 'default') return { ...DEFAULT_PORTS };
  const ports = {} as Record<ServiceName, number>;
  for (const name of SERVICE_NAMES) ports[name] = await freePort();
  return ports;
}

/** One Ed25519 key pair per run, unless the environment supplies the keys. */
function authKeys(env: NodeJS.ProcessEnv): { AUTH_PUBLIC_KEY: string; AUTH_PRIVATE_KEY: string } {
  if (env.AUTH_PUBLIC_KEY && env.AUTH_PRIVATE_KEY) return { AUTH_PUBLIC_KEY: env.AUTH_PUBLIC_KEY, AUTH_PRIVATE_KEY: env.AUTH_PRIVATE_KEY };
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    AUTH_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

async function dropMysqlDatabases(env: NodeJS.ProcessEnv, prefix: string): Promise<void> {
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({
    host: env.MYSQL_HOST ?? '127.0.0.1',
    port: Number(env.MYSQL_PORT ?? 3306),
    user: env.MYSQL_USER ?? 'root',
    password: env.MYSQL_PASSWORD ?? '',
  });
  try {
    for (const name of SUBGRAPH_SERVICES) await connection.query(`DROP DATABASE IF EXISTS \`${prefix}${name}\``);
  } finally {
    await connection.end();
  }
}

/**
 * Starts the platform as real processes: the four subgraphs (each on its own database), then the
 * gateway, then (optionally) the shell and the three remotes, each ready when its `/health` answers.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPlatformOnce(options);
    } catch (error) {
      // A port found free can be taken by another process before its service binds it: choose ports again.
      if (attempt < 3 && /EADDRINUSE/.test(String((error as Error)?.message ?? error))) continue;
      throw error;
    }
  }
}

/** One attempt of {@link startPlatform}, on freshly chosen ports. */
async function startPlatformOnce(options: PlatformOptions): Promise<Platform> {
  const base = { ...process.env, ...options.env };
  const db = options.db ?? (base.DB_CLIENT === 'mariadb' || base.DB_CLIENT === 'mysql' ? 'mariadb' : 'sqlite');
  const ports = await allocatePorts(options.ports ?? 'free');
  const logDir = mkdtempSync(join(tmpdir(), 'dr-platform-logs-'));
  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), 'dr-platform-data-')));
  mkdirSync(dataDir, { recursive: true });
  const ownsMysqlDatabases = db === 'mariadb' && !options.mysqlDatabasePrefix;
  const mysqlPrefix = options.mysqlDatabasePrefix ?? `dr_t${randomBytes(4).toString('hex')}_`;
  const keys = authKeys(base);
  const local = (name: ServiceName) => `http://localhost:${ports[name]}`;
  const graphqlUrl = (name: ServiceName) => `http://127.0.0.1:${ports[name]}/graphql`;

  const common: NodeJS.ProcessEnv = {
    ...base,
    NODE_ENV: base.NODE_ENV === 'production' ? 'production' : 'development',
    DB_CLIENT: db,
    SQLITE_DIR: dataDir,
    FILES_DIR: join(dataDir, 'files'),
    MYSQL_DATABASE_PREFIX: mysqlPrefix,
    AUTH_PUBLIC_KEY: keys.AUTH_PUBLIC_KEY,
    // Subgraphs deliver events to each other directly (ADR 0013), with a secret made for this run.
    EVENTS_TOKEN: base.EVENTS_TOKEN ?? randomBytes(32).toString('base64url'),
    EVENT_PEERS: SUBGRAPH_SERVICES.map((name) => `${name}=http://127.0.0.1:${ports[name]}`).join(','),
  };
  delete common.MYSQL_DATABASE;
  delete common.AUTH_PRIVATE_KEY;

  const envFor = (name: ServiceName): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...common, PORT: String(ports[name]) };
    // Subgraphs read each other's entities through the graph: the office the departments' sections
    // (record forms, signing), a department whether a writer is on the visit's team.
    if ((SUBGRAPH_SERVICES as readonly string[]).includes(name)) env.GATEWAY_URL = graphqlUrl('gateway');
    if (name === 'office') env.AUTH_PRIVATE_KEY = keys.AUTH_PRIVATE_KEY;
    if (name === 'gateway') {
      Object.assign(env, {
        OFFICE_URL: graphqlUrl('office'),
        CULTURE_URL: graphqlUrl('culture'),
        MARKET_URL: graphqlUrl('market'),
        FIRE_URL: graphqlUrl('fire'),
        CORS_ORIGINS: `${local('shell')},http://127.0.0.1:${ports.shell}`,
      });
    }
    if (name === 'shell') {
      Object.assign(env, {
        GATEWAY_URL: `${local('gateway')}/graphql`,
        REMOTE_CULTURE_URL: `${local('web-culture')}/mf-manifest.json`,
        REMOTE_MARKET_URL: `${local('web-market')}/mf-manifest.json`,
        REMOTE_FIRE_URL: `${local('web-fire')}/mf-manifest.json`,
      });
    }
    return env;
  };

  const services = new Map<ServiceName, ServiceProcess>();
  const names: ServiceName[] = [...SUBGRAPH_SERVICES, 'gateway', ...(options.web ? WEB_SERVICES : [])];
  for (const name of names) {
    services.set(
      name,
      new ServiceProcess({
        name,
        script: entryPoint(name),
        env: envFor(name),
        healthUrl: healthUrl(ports[name]),
        output: options.output === 'inherit' ? 'inherit' : join(logDir, `${name}.log`),
      }),
    );
  }

  const close = async () => {
    await Promise.all([...services.values()].map((service) => service.stop()));
    if (ownsMysqlDatabases) await dropMysqlDatabases(base, mysqlPrefix);
  };

  try {
    // The subgraphs migrate their own databases in parallel; the gateway needs none of them to start.
    await Promise.all(SUBGRAPH_SERVICES.map((name) => services.get(name)!.start()));
    await Promise.all(names.filter((name) => !(SUBGRAPH_SERVICES as readonly string[]).includes(name)).map((name) => services.get(name)!.start()));
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }

  const service = (name: ServiceName) => {
    const found = services.get(name);
    if (!found) throw new Error(`${name} is not part of this platform (web: ${Boolean(options.web)})`);
    return found;
  };
  return {
    ports,
    logDir,
    urls: {
      gateway: `${local('gateway')}/graphql`,
      shell: local('shell'),
      graphql: { office: graphqlUrl('office'), culture: graphqlUrl('culture'), market: graphqlUrl('market'), fire: graphqlUrl('fire') },
      health: Object.fromEntries(SERVICE_NAMES.map((name) => [name, healthUrl(ports[name])])) as Record<ServiceName, string>,
    },
    pid: (name) => service(name).pid,
    stop: (name) => service(name).stop(),
    start: (name) => service(name).start(),
    close,
  };
}
