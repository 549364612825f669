import proxyAddr from 'proxy-addr';
import { databaseConfigSchema, loadConfig, portWithDefault, serverConfigSchema, z } from '@dr/subgraph-kit';

const url = z.url({ message: '应为完整的 URL，例如 http://127.0.0.1:4001/graphql' });

export const gatewayConfigSchema = serverConfigSchema.extend({
  PORT: portWithDefault(4000),
  OFFICE_URL: url.default('http://127.0.0.1:4001/graphql'),
  CULTURE_URL: url.default('http://127.0.0.1:4002/graphql'),
  MARKET_URL: url.default('http://127.0.0.1:4003/graphql'),
  FIRE_URL: url.default('http://127.0.0.1:4004/graphql'),
  /** Browser origins allowed to call the gateway (comma-separated): the shell's. */
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://127.0.0.1:3000')
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean)),
  /** Without REDIS_URL, the gateway asks the office which sessions have ended, with this shared secret. */
  EVENTS_TOKEN: databaseConfigSchema.shape.EVENTS_TOKEN,
  /** How long one subgraph may take before its part of the answer is given up. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs); none by default. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .refine((list) => {
      try {
        proxyAddr.compile(list);
        return true;
      } catch {
        return false;
      }
    }, '应为逗号分隔的 IP 地址或网段，例如 10.0.0.1,192.168.0.0/16'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayConfigSchema, env);
}
