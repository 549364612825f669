import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { rspack } from '@rspack/core';
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Packages every microfrontend takes from the host, so each is downloaded and instantiated once.
 * `@ant-design/icons` is not among them: a shared package ships whole (every icon, 137 KB compressed),
 * while each app importing its few icons itself tree-shakes them to a few KB; icons hold no state.
 */
const SINGLETONS = ['react', 'react-dom', '@apollo/client', 'antd'];

/**
 * Deep imports that must resolve to the host's instances too (`react/jsx-runtime`, `react-dom/client`,
 * `@apollo/client/react` holding the context). antd and the icons are left out on purpose: antd
 * imports its own files relatively, and sharing every `@ant-design/icons/es/icons/*` file would turn
 * each icon into a separate request.
 */
const DEEP_SINGLETONS = ['react', 'react-dom', '@apollo/client'];

/**
 * Shared-module settings pinned to the app's own dependency ranges.
 * @param {Record<string, string>} dependencies
 */
function sharedSingletons(dependencies) {
  /** @type {Record<string, { singleton: true, requiredVersion: string | false }>} */
  const shared = {};
  for (const name of SINGLETONS) {
    shared[name] = { singleton: true, requiredVersion: dependencies[name] ?? false };
  }
  for (const name of DEEP_SINGLETONS) {
    shared[`${name}/`] = { singleton: true, requiredVersion: dependencies[name] ?? false };
  }
  return shared;
}

/**
 * @typedef {object} PresetOptions
 * @property {string | URL} appDir The app's folder (pass `new URL('.', import.meta.url)`).
 * @property {string} name Module-federation container name, e.g. `shell` or `web_culture`.
 */

/**
 * Writes `.br` and `.gz` twins of text assets at build time; the static server picks them by
 * Accept-Encoding, so no CPU is spent compressing per request.
 * @type {import('@rspack/core').RspackPluginInstance}
 */
const precompressPlugin = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        // One stage after the transfer optimisations, so assets emitted there (module federation's
        // `mf-manifest.json`, which every remote sends first) get their twins too.
        { name: 'PrecompressPlugin', stage: rspack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER + 1 },
        async () => {
          const candidates = compilation.getAssets().filter(
            (asset) => /\.(?:js|css|html|svg|json)$/.test(asset.name) && asset.source.size() > 1024,
          );
          await Promise.all(
            candidates.map(async (asset) => {
              const input = asset.source.buffer();
              const [br, gz] = await Promise.all([
                brotli(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
                gzip(input, { level: 9 }),
              ]);
              compilation.emitAsset(`${asset.name}.br`, new rspack.sources.RawSource(br));
              compilation.emitAsset(`${asset.name}.gz`, new rspack.sources.RawSource(gz));
            }),
          );
        },
      );
    });
  },
};

/**
 * Settings both kinds of app share: TypeScript through swc (workspace packages included: they ship
 * source), content-hashed file names, and one runtime per container name.
 * @param {PresetOptions} options
 * @returns {import('@rspack/core').Configuration & { plugins: import('@rspack/core').RspackPluginInstance[] }}
 */
function baseConfig({ appDir, name }) {
  const production = process.env.NODE_ENV !== 'development';
  return {
    context: fileURLToPath(appDir),
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    output: {
      path: fileURLToPath(new URL('dist/', appDir)),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      uniqueName: name,
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          // Only third-party code is skipped; @dr/* packages resolve to their real paths under packages/.
          exclude: /[\\/]node_modules[\\/]/,
          loader: 'builtin:swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic', development: !production } },
            },
            env: { targets: ['chrome >= 100', 'edge >= 100', 'firefox >= 100', 'safari >= 15'] },
          },
          type: 'javascript/auto',
        },
      ],
    },
    performance: { hints: false },
    plugins: [precompressPlugin],
  };
}

/**
 * Reads the app's dependencies to pin shared-module version ranges.
 * @param {string | URL} appDir
 * @returns {Record<string, string>}
 */
function readDependencies(appDir) {
  const pkg = JSON.parse(readFileSync(new URL('package.json', appDir), 'utf8'));
  return pkg.dependencies ?? {};
}

/**
 * The host: an HTML page, client-side routes, and no remotes known at build time (the shell
 * registers them at run time from `/config.json`).
 * @param {PresetOptions & { entry: string, template: string }} options
 * @returns {import('@rspack/core').Configuration}
 */
export function createHostConfig(options) {
  const config = baseConfig(options);
  return {
    ...config,
    entry: { main: options.entry },
    output: { ...config.output, publicPath: '/' },
    plugins: [
      ...config.plugins,
      new rspack.HtmlRspackPlugin({ template: options.template, scriptLoading: 'defer' }),
      new ModuleFederationPlugin({
        name: options.name,
        remotes: {},
        shared: sharedSingletons(readDependencies(options.appDir)),
        manifest: false,
        dts: false,
        // The host hands its federation runtime to the remotes, which then do not ship their own copy.
        experiments: { provideExternalRuntime: true },
      }),
    ],
  };
}

/**
 * A remote: no page of its own, only `remoteEntry.js` and `mf-manifest.json` with its exposed modules.
 * `publicPath: 'auto'` makes its chunks load from wherever its manifest was fetched.
 * @param {PresetOptions & { exposes: Record<string, string> }} options
 * @returns {import('@rspack/core').Configuration}
 */
export function createRemoteConfig(options) {
  const config = baseConfig(options);
  return {
    ...config,
    entry: {},
    output: { ...config.output, publicPath: 'auto' },
    plugins: [
      ...config.plugins,
      new ModuleFederationPlugin({
        name: options.name,
        filename: 'remoteEntry.js',
        exposes: options.exposes,
        shared: sharedSingletons(readDependencies(options.appDir)),
        dts: false,
        // Uses the host's federation runtime (see createHostConfig): about 15 KB less per department.
        // A remote built so runs only inside a host that provides its runtime (the shell does).
        experiments: { externalRuntime: true },
      }),
    ],
  };
}
