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

/** What the current page declares about itself: its title (the page's `h1`) and its breadcrumb. */
export interface PageFrame {
  title: string;
  crumbs: Crumb[];
}

const PageFrameContext = createContext<(frame: PageFrame) => void>(() => undefined);

/** Holds the title and breadcrumb the current page declares; the layout renders them. */
export function usePageFrameState(): [PageFrame, (frame: PageFrame) => void] {
  return useState<PageFrame>({ title: '', crumbs: [] });
}

/** Props of {@link PageFrameProvider}. */
export interface PageFrameProviderProps {
  setFrame: (frame: PageFrame) => void;
  children: ReactNode;
}

/** Lets pages below the layout set its heading and breadcrumb. */
export function PageFrameProvider({ setFrame, children }: PageFrameProviderProps) {
  return <PageFrameContext.Provider value={setFrame}>{children}</PageFrameContext.Provider>;
}

/**
 * Declares the page's heading, browser title and breadcrumb.
 * @param title - page title, e.g. the plan's document number; the system name is appended
 * @param crumbs - breadcrumb steps, the last one being this page
 */
export function usePageFrame(title: string, crumbs: Crumb[]): void {
  const setFrame = useContext(PageFrameContext);
  // Pages rebuild the array on every render; its content decides when the layout updates.
  const signature = JSON.stringify(crumbs);
  useEffect(() => {
    document.title = `${title} - ${SYSTEM_NAME}`;
    setFrame({ title, crumbs: JSON.parse(signature) as Crumb[] });
  }, [title, signature, setFrame]);
}
