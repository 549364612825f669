/** The department remotes the shell knows, by the key `/config.json` uses. */
export type RemoteKey = 'culture' | 'market' | 'fire';

/** What the shell's server sends as `/config.json`, built from its environment at request time. */
export interface RuntimeConfig {
  gatewayUrl: string;
  /** Manifest URL (`…/mf-manifest.json`) of each department remote. */
  remotes: Record<RemoteKey, string>;
}

const REMOTE_KEYS: readonly RemoteKey[] = ['culture', 'market', 'fire'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks the shape of `/config.json`, so a broken deployment fails at start with a clear message
 * instead of somewhere inside a remote.
 * @param body - the parsed JSON
 */
export function parseRuntimeConfig(body: unknown): RuntimeConfig {
  if (!isRecord(body) || typeof body['gatewayUrl'] !== 'string' || !isRecord(body['remotes'])) {
    throw new Error('/config.json must hold gatewayUrl and remotes');
  }
  const remotes = body['remotes'];
  const entries = REMOTE_KEYS.map((key) => {
    const url = remotes[key];
    if (typeof url !== 'string' || url === '') throw new Error(`/config.json has no URL for remote "${key}"`);
    return [key, url] as const;
  });
  return { gatewayUrl: body['gatewayUrl'], remotes: Object.fromEntries(entries) as Record<RemoteKey, string> };
}

/** Fetches the runtime configuration from the shell's own server. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
