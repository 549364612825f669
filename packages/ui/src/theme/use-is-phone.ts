import { Grid } from 'antd';

/**
 * True below antd's `md` breakpoint (768 px): menus become a drawer, tables become cards and
 * controls grow to touch size. Unknown (first render) counts as desktop.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
