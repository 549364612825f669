import { createRoot } from 'react-dom/client';
import { apolloCacheConfig, createApolloClient, createOfflineCache } from '@dr/graphql-client';
import { App } from './app';
import { loadRuntimeConfig } from './config/runtime-config';
import { registerServiceWorker } from './offline/register-service-worker';
import { registerDepartmentRemotes } from './remotes/department-remotes';
import { createSessionStore } from './session/session-store';

async function start(container: HTMLElement): Promise<void> {
  // Lets the app open again without a network once it has been opened with one (ADR 0011).
  registerServiceWorker();
  const config = await loadRuntimeConfig();
  registerDepartmentRemotes(config.remotes);
  const session = createSessionStore(config.gatewayUrl);
  // The last server data of the signed-in user, shown when a query finds no network.
  const offlineCache = createOfflineCache({ userKey: () => session.getSession()?.user.id ?? null, cacheConfig: apolloCacheConfig });
  await offlineCache.load();
  const client = createApolloClient({
    gatewayUrl: config.gatewayUrl,
    onUnauthenticated: session.forget,
    offlineCache,
  });
  // Nothing of one user's data may be shown to the next one who signs in on this browser.
  // A refresh changes the session but not the user: only a change of user reloads or clears.
  let userId = session.getSession()?.user.id ?? null;
  session.subscribe(() => {
    const next = session.getSession()?.user.id ?? null;
    if (next === userId) return;
    userId = next;
    if (next) {
      void offlineCache.load();
      return;
    }
    void client.clearStore();
    void offlineCache.clear();
  });
  // The session stays through a reload without a network; once its login has ended it is forgotten
  // online (the gateway would refuse it anyway, and the login page needs the network).
  const endIfExpired = () => {
    const current = session.getSession();
    if (navigator.onLine && current && current.sessionUntil <= Date.now()) session.forget();
  };
  endIfExpired();
  window.addEventListener('online', endIfExpired);
  createRoot(container).render(<App client={client} session={session} config={config} />);
}

const container = document.getElementById('root');
if (container) {
  start(container).catch((error: unknown) => {
    console.error('[shell] start failed', error);
    container.innerHTML = '<div class="boot" data-testid="boot-error">系统配置加载失败，请稍后刷新页面重试。</div>';
  });
}
