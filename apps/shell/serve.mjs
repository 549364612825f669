import { sendJson, serveStatic } from '@dr/web-server';

/**
 * Built per request from the environment, so one build runs against any gateway and remote
 * locations (nothing about them is baked into the bundle).
 */
function runtimeConfig() {
  return {
    gatewayUrl: process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql',
    remotes: {
      culture: process.env.REMOTE_CULTURE_URL ?? 'http://localhost:3001/mf-manifest.json',
      market: process.env.REMOTE_MARKET_URL ?? 'http://localhost:3002/mf-manifest.json',
      fire: process.env.REMOTE_FIRE_URL ?? 'http://localhost:3003/mf-manifest.json',
    },
  };
}

await serveStatic({
  name: 'shell',
  dir: new URL('./dist/', import.meta.url),
  port: Number(process.env.PORT ?? 3000),
  spa: true,
  extraRoutes: { '/config.json': (_req, res) => sendJson(res, 200, runtimeConfig()) },
});
