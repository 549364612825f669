import { z } from 'zod';
import { queryLimitsConfigSchema } from './query-limits';
import { sessionConfigSchema } from './sessions';

/** Raised at start when the environment holds a bad value; the message names every bad key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const port = z.coerce.number().int().min(0).max(65535);

/** The settings every server reads. Each key is documented in `.env.example`. */
export const serverConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Ed25519 public key (SPKI PEM) that verifies session tokens; every server checks tokens itself. */
  AUTH_PUBLIC_KEY: z.string().min(1, 'AUTH_PUBLIC_KEY 未设置：需要用于校验登录令牌的公钥（PEM）'),
  /** Largest page a list returns (every list is paged and bounded). */
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /** Bearer token that `/metrics` asks for; without it `/metrics` is open in development and absent in production. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN 至少 16 个字符').optional(),
}).extend(queryLimitsConfigSchema.shape).extend(sessionConfigSchema.shape);

/** Storage: the embedded default (one SQLite file per subgraph) or MySQL/MariaDB. */
export const databaseConfigSchema = z.object({
  DB_CLIENT: z.enum(['sqlite', 'mariadb', 'mysql']).default('sqlite'),
  SQLITE_DIR: z.string().min(1).default('.data'),
  /** Stored files (evidence, signatures, stamps), one folder per subgraph, named by their SHA-256. */
  FILES_DIR: z.string().min(1).default('.data/files'),
  MYSQL_HOST: z.string().min(1).default('127.0.0.1'),
  MYSQL_PORT: port.default(3306),
  MYSQL_USER: z.string().min(1).default('root'),
  MYSQL_PASSWORD: z.string().default(''),
  /** Each subgraph uses its own database, `${MYSQL_DATABASE_PREFIX}${subgraph}`, unless MYSQL_DATABASE names one. */
  MYSQL_DATABASE_PREFIX: z.string().regex(/^[A-Za-z0-9_]*$/, '只能包含字母、数字和下划线').default('dr_'),
  MYSQL_DATABASE: z.string().regex(/^[A-Za-z0-9_]+$/, '只能包含字母、数字和下划线').optional(),
  /** Create the database if it does not exist (needs the CREATE privilege). */
  MYSQL_CREATE_DATABASE: z.stringbool().default(true),
  /**
   * Shared secret with which subgraphs deliver events to each other (`/internal/events`); at least 32
   * characters. Without it, this subgraph neither sends nor accepts events (the runner makes one per run).
   */
  EVENTS_TOKEN: z.string().min(32, 'EVENTS_TOKEN 至少 32 个字符').optional(),
  /** Where each subgraph listens, for event delivery: `office=http://127.0.0.1:4001,culture=…`. */
  EVENT_PEERS: z
    .string()
    .default('office=http://127.0.0.1:4001,culture=http://127.0.0.1:4002,market=http://127.0.0.1:4003,fire=http://127.0.0.1:4004')
    .transform((value, context) => {
      const peers: Record<string, string> = {};
      for (const entry of value.split(',').map((part) => part.trim()).filter(Boolean)) {
        const [name, url] = entry.split('=');
        if (!name || !url || !URL.canParse(url)) {
          context.addIssue({ code: 'custom', message: `应为 名称=URL，用逗号分隔：${entry}` });
          return z.NEVER;
        }
        peers[name] = url;
      }
      return peers;
    }),
  /** How often the event relay reads its outbox (milliseconds). */
  EVENTS_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(250),
  /** How often each subgraph logs its audit chain head (`audit head`), for anchoring outside the database. */
  AUDIT_HEAD_LOG_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /**
   * Load the demo data (with its demo logins and password) once into an empty database. Default: yes,
   * except in production, where setting it is refused (`demoSeedWanted`).
   */
  SEED_DEMO_DATA: z.stringbool().optional(),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

/**
 * Parses `env` with `schema` and fails with one message naming each bad key and why, so that a
 * mistyped variable stops the server at start instead of surfacing later.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new ConfigError(`配置有误 (invalid configuration):\n${problems.join('\n')}`);
}

/**
 * Whether to load the demo data. Production never has a demo login or password: there SEED_DEMO_DATA=true
 * stops the server at start, and the first account comes from `npm run user:create-office-admin`.
 */
export function demoSeedWanted(config: { NODE_ENV: string; SEED_DEMO_DATA?: boolean }): boolean {
  if (config.NODE_ENV !== 'production') return config.SEED_DEMO_DATA ?? true;
  if (config.SEED_DEMO_DATA) {
    throw new ConfigError(
      '配置有误 (invalid configuration):\n  SEED_DEMO_DATA: 生产环境不得加载演示数据（含演示账号和演示密码）。请删除此设置，并用 npm run user:create-office-admin 创建第一个联席办管理员账号',
    );
  }
  return false;
}

/** The port schema with a per-server default, for composing a server's own schema. */
export function portWithDefault(defaultPort: number) {
  return port.default(defaultPort);
}
