import { serveStatic } from '@dr/web-server';

await serveStatic({
  name: 'web-culture',
  dir: new URL('./dist/', import.meta.url),
  port: Number(process.env.PORT ?? 3001),
  cors: true,
});
