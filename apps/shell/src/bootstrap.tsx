import { createRoot } from 'react-dom/client';
import { apolloCacheConfig, createApolloClient, createOfflineCache } from '@dr/graphql-client';
import { App } from './app';
import { loadRuntimeConfig } from './config/runtime-config';
import { registerServiceWorker } from './offline/register-service-worker';
import { registerDepartmentRemotes } from './remotes/department-remotes';
import { createSessionStore } from './session/session-store';
import { tokenClaims, tokenExpired } from './session/token-claims';

async function start(container: HTMLElement): Promise<void> {
  // Lets the app open again without a network once it has been opened with one (ADR 0011).
  registerServiceWorker();
  const config = await loadRuntimeConfig();
  registerDepartmentRemotes(config.remotes);
  const session = createSessionStore();
  // The last server data of the signed-in user, shown when a query finds no network.
  const offlineCache = createOfflineCache({ userKey: () => tokenClaims(session.getToken()).sub, cacheConfig: apolloCacheConfig });
  await offlineCache.load();
  const client = createApolloClient({
    gatewayUrl: config.gatewayUrl,
    getToken: session.getToken,
    onUnauthenticated: session.signOut,
    offlineCache,
  });
  // Nothing of one user's data may be shown to the next one who signs in on this browser.
  session.subscribe(() => {
    if (session.getToken()) {
      void offlineCache.load();
      return;
    }
    void client.clearStore();
    void offlineCache.clear();
  });
  // The token stays through a reload without a network; an expired one ends the session once online
  // (the gateway would refuse it anyway, and the login page needs the network).
  const endIfExpired = () => {
    if (navigator.onLine && tokenExpired(session.getToken())) session.signOut();
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
