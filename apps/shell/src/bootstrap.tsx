import { createRoot } from 'react-dom/client';
import { createApolloClient } from '@dr/graphql-client';
import { App } from './app';
import { loadRuntimeConfig } from './config/runtime-config';
import { registerDepartmentRemotes } from './remotes/department-remotes';
import { createSessionStore } from './session/session-store';

async function start(container: HTMLElement): Promise<void> {
  const config = await loadRuntimeConfig();
  registerDepartmentRemotes(config.remotes);
  const session = createSessionStore();
  const client = createApolloClient({
    gatewayUrl: config.gatewayUrl,
    getToken: session.getToken,
    onUnauthenticated: session.signOut,
  });
  // Nothing of one user's data may be shown to the next one who signs in on this browser.
  session.subscribe(() => {
    if (!session.getToken()) void client.clearStore();
  });
  createRoot(container).render(<App client={client} session={session} config={config} />);
}

const container = document.getElementById('root');
if (container) {
  start(container).catch((error: unknown) => {
    console.error('[shell] start failed', error);
    container.innerHTML = '<div class="boot" data-testid="boot-error">系统配置加载失败，请稍后刷新页面重试。</div>';
  });
}
