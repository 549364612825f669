import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** localStorage key of the 大字版 choice; it is the user's, so it outlives logging out. */
export const LARGE_TEXT_STORAGE_KEY = 'dr.largeText';

/** Whether 大字版 is on, and how to switch it. */
export interface LargeTextMode {
  enabled: boolean;
  setEnabled: (enabled: boolean) => void;
}

const LargeTextContext = createContext<LargeTextMode>({ enabled: false, setEnabled: () => undefined });

function readStored(): boolean {
  try {
    return window.localStorage.getItem(LARGE_TEXT_STORAGE_KEY) === '1';
  } catch {
    // Storage refused (private mode, policy): the switch still works for this visit.
    return false;
  }
}

/** Holds the 大字版 choice and remembers it in localStorage. */
export function LargeTextProvider({ children }: { children: (enabled: boolean) => ReactNode }) {
  const [enabled, setState] = useState(readStored);
  const setEnabled = useCallback((next: boolean) => {
    setState(next);
    try {
      window.localStorage.setItem(LARGE_TEXT_STORAGE_KEY, next ? '1' : '0');
    } catch {
      // As above: not remembered, still applied.
    }
  }, []);
  return <LargeTextContext.Provider value={{ enabled, setEnabled }}>{children(enabled)}</LargeTextContext.Provider>;
}

/** The 大字版 (适老化 large-text) mode of the theme: whether it is on, and a setter for the header's switch. */
export function useLargeText(): LargeTextMode {
  return useContext(LargeTextContext);
}
