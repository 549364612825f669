import { createHostConfig } from '@dr/web-server/rspack';

export default createHostConfig({
  appDir: new URL('.', import.meta.url),
  name: 'shell',
  entry: './src/index.ts',
  template: './index.html',
});
