import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** The system name of the top bar and the browser title. */
export const SYSTEM_NAME = '卫东区部门联合“双随机、一公开”监管平台';
/** The system name on a phone. */
export const SHORT_SYSTEM_NAME = '双随机监管平台';

/** One breadcrumb step; steps with `to` are links. */
export interface Crumb {
  title: string;
  to?: string;
}

const PageFrameContext = createContext<(crumbs: Crumb[]) => void>(() => undefined);

/** Holds the breadcrumb the current page declares; the layout renders it. */
export function usePageFrameState(): [Crumb[], (crumbs: Crumb[]) => void] {
  return useState<Crumb[]>([]);
}

/** Props of {@link PageFrameProvider}. */
export interface PageFrameProviderProps {
  setCrumbs: (crumbs: Crumb[]) => void;
  children: ReactNode;
}

/** Lets pages below the layout set its breadcrumb. */
export function PageFrameProvider({ setCrumbs, children }: PageFrameProviderProps) {
  return <PageFrameContext.Provider value={setCrumbs}>{children}</PageFrameContext.Provider>;
}

/**
 * Declares the page's browser title and breadcrumb.
 * @param title - page title, e.g. the plan's document number; the system name is appended
 * @param crumbs - breadcrumb steps, the last one being this page
 */
export function usePageFrame(title: string, crumbs: Crumb[]): void {
  const setCrumbs = useContext(PageFrameContext);
  // Pages rebuild the array on every render; its content decides when the layout updates.
  const signature = JSON.stringify(crumbs);
  useEffect(() => {
    document.title = `${title} - ${SYSTEM_NAME}`;
    setCrumbs(JSON.parse(signature) as Crumb[]);
  }, [title, signature, setCrumbs]);
}
