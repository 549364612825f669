import { serveStatic } from '@dr/web-server';

await serveStatic({
  name: 'web-market',
  dir: new URL('./dist/', import.meta.url),
  port: Number(process.env.PORT ?? 3002),
  cors: true,
});
