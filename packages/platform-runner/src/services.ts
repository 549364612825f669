import { join } from 'node:path';

/** The repository root, from this package's `dist/`. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

export const SERVICE_NAMES = ['office', 'culture', 'market', 'fire', 'gateway', 'shell', 'web-culture', 'web-market', 'web-fire'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const SUBGRAPH_SERVICES = ['office', 'culture', 'market', 'fire'] as const;
export const WEB_SERVICES = ['shell', 'web-culture', 'web-market', 'web-fire'] as const;

/** The ports `npm start` uses; tests take free ones instead. */
export const DEFAULT_PORTS: Record<ServiceName, number> = {
  gateway: 4000,
  office: 4001,
  culture: 4002,
  market: 4003,
  fire: 4004,
  shell: 3000,
  'web-culture': 3001,
  'web-market': 3002,
  'web-fire': 3003,
};

/** The script each service runs (built output for servers, the static server for web apps). */
export function entryPoint(name: ServiceName): string {
  if (name === 'gateway') return join(REPO_ROOT, 'apps', 'gateway', 'dist', 'main.js');
  if ((SUBGRAPH_SERVICES as readonly string[]).includes(name)) return join(REPO_ROOT, 'apps', `subgraph-${name}`, 'dist', 'main.js');
  return join(REPO_ROOT, 'apps', name, 'serve.mjs');
}

/** The URL whose answer says the service is ready. */
export function healthUrl(port: number): string {
  return `http://127.0.0.1:${port}/health`;
}
