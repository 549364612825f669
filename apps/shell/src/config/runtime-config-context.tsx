import { createContext, useContext, type ReactNode } from 'react';
import type { RuntimeConfig } from './runtime-config';

const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/** Props of {@link RuntimeConfigProvider}. */
export interface RuntimeConfigProviderProps {
  config: RuntimeConfig;
  children: ReactNode;
}

/** Makes `/config.json` available to the pages (file routes live on the gateway's origin). */
export function RuntimeConfigProvider({ config, children }: RuntimeConfigProviderProps) {
  return <RuntimeConfigContext.Provider value={config}>{children}</RuntimeConfigContext.Provider>;
}

/** The gateway's GraphQL URL from `/config.json`; its origin also serves `/files/…`. */
export function useGatewayUrl(): string {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error('useGatewayUrl needs a RuntimeConfigProvider');
  return config.gatewayUrl;
}
