import { serveStatic } from '@dr/web-server';

await serveStatic({
  name: 'web-fire',
  dir: new URL('./dist/', import.meta.url),
  port: Number(process.env.PORT ?? 3003),
  cors: true,
});
