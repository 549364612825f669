import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rspack } from '@rspack/core';
import { createHostConfig } from '@dr/web-server/rspack';

const appDir = new URL('.', import.meta.url);
const dist = fileURLToPath(new URL('dist/', appDir));

const shell = {
  ...createHostConfig({ appDir, name: 'shell', entry: './src/index.ts', template: './index.html' }),
  name: 'shell',
};

/** The static files of a build, as `cacheRoute` in src/offline/cache-routes.ts sees them. */
const STATIC = /\.(?:js|css|woff2?|ttf|png|svg)$/;

/**
 * Writes the shell's build into the worker: a version (hash of the page and of every file name, which
 * carry content hashes) and the files to store at install. Runs after the shell is written.
 * @type {import('@rspack/core').RspackPluginInstance}
 */
const injectBuildPlugin = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InjectShellBuild', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InjectShellBuild', stage: rspack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const names = readdirSync(dist).filter((name) => STATIC.test(name) && name !== 'sw.js').sort();
        const page = readFileSync(new URL('index.html', `file://${dist}`), 'utf8');
        const version = createHash('sha256').update(page).update(names.join('\n')).digest('hex').slice(0, 16);
        // Only what the page itself loads: the chunks of the screens opened are stored as they pass (or
        // handed over by the page), so installing stays light on a phone's network and storage.
        const entry = [...page.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((match) => match[1]).filter((name) => names.includes(name));
        const precache = JSON.stringify(['/', '/config.json', ...entry.map((name) => `/${name}`)]);
        const asset = compilation.getAsset('sw.js');
        if (!asset) throw new Error('sw.js was not built');
        const source = asset.source.source().toString();
        const withList = source.replace(/(["'])__DR_SW_PRECACHE__\1/, () => JSON.stringify(precache));
        const built = withList.replaceAll('__DR_SW_VERSION__', version);
        if (built === source || withList === source || !built.includes(version)) throw new Error('sw.js placeholders not found');
        compilation.updateAsset('sw.js', new rspack.sources.RawSource(built));
      });
    });
  },
};

/** The service worker: one plain file at the root (its scope is `/`), not minified, not hashed. */
const serviceWorker = {
  name: 'service-worker',
  dependencies: ['shell'],
  context: fileURLToPath(appDir),
  mode: shell.mode,
  devtool: false,
  target: 'webworker',
  entry: { sw: './src/offline/service-worker.ts' },
  output: { path: dist, filename: 'sw.js', clean: false, publicPath: '/' },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'builtin:swc-loader',
        options: { jsc: { parser: { syntax: 'typescript' } }, env: { targets: ['chrome >= 100', 'safari >= 15', 'firefox >= 100'] } },
        type: 'javascript/auto',
      },
    ],
  },
  optimization: { minimize: false },
  plugins: [injectBuildPlugin],
  performance: { hints: false },
};

export default [shell, serviceWorker];
