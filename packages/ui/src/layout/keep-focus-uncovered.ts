/** Attribute that marks a bar stuck to the top or bottom of the window (`top` | `bottom`). */
export const STICKY_BAR_ATTRIBUTE = 'data-sticky-bar';

/** Room left between a focused control and the bar that would cover it. */
const MARGIN = 8;

/** Top and bottom of a box in window coordinates. */
export type Edges = Pick<DOMRect, 'top' | 'bottom'>;

/**
 * How far to scroll the window so that a control is not under a sticky bar (WCAG 2.2 2.4.11 focus not
 * obscured, asked for by issue 14): positive scrolls down, negative up, 0 leaves it.
 * @param target - the box of the focused control
 * @param bars - boxes of the bars stuck to the top and to the bottom of the window
 */
export function uncoverScroll(target: Edges, bars: { top: Edges[]; bottom: Edges[] }): number {
  const overlaps = (bar: Edges) => bar.top < target.bottom && bar.bottom > target.top;
  const below = bars.bottom.filter(overlaps);
  if (below.length) return target.bottom - Math.min(...below.map((bar) => bar.top)) + MARGIN;
  const above = bars.top.filter(overlaps);
  if (above.length) return target.top - Math.max(...above.map((bar) => bar.bottom)) - MARGIN;
  return 0;
}

/** The box the user sees for a control: antd's radios and checkboxes focus a hidden input inside their label. */
function drawnBoxOf(element: HTMLElement): DOMRect {
  const box = element.getBoundingClientRect();
  if (box.width >= 2 && box.height >= 2) return box;
  return (element.closest('label') ?? element.parentElement ?? element).getBoundingClientRect();
}

/** Points just inside the corners and at the centre of a box, where a covering bar would be hit. */
function probesOf(box: DOMRect): [number, number][] {
  const inset = (size: number) => Math.min(4, size / 4);
  return [
    [box.left + box.width / 2, box.top + box.height / 2],
    [box.left + inset(box.width), box.top + inset(box.height)],
    [box.right - inset(box.width), box.bottom - inset(box.height)],
  ];
}

/**
 * Keeps the focused control out from under the sticky top bar and the sticky 保存/提交 bar: the browser
 * scrolls a control into the window on Tab, but knows nothing of bars that float over the page. Returns
 * the function that stops it.
 * @param doc - the document to watch
 */
export function keepFocusUncovered(doc: Document): () => void {
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest(`[${STICKY_BAR_ATTRIBUTE}]`)) return;
    // After the browser's own scroll into view, which follows the focus event.
    requestAnimationFrame(() => {
      const box = drawnBoxOf(target);
      // Only a bar that is really drawn over the control counts: not one under a dialog or drawer.
      const drawnOver = (bar: HTMLElement) => probesOf(box).some(([x, y]) => bar.contains(doc.elementFromPoint(x, y)));
      const barsOver = (edge: 'top' | 'bottom') =>
        Array.from(doc.querySelectorAll<HTMLElement>(`[${STICKY_BAR_ATTRIBUTE}="${edge}"]`))
          .filter((bar) => !bar.contains(target) && drawnOver(bar))
          .map((bar) => bar.getBoundingClientRect());
      const delta = uncoverScroll(box, { top: barsOver('top'), bottom: barsOver('bottom') });
      if (delta !== 0) window.scrollBy({ top: delta, behavior: 'instant' });
    });
  };
  doc.addEventListener('focusin', onFocusIn);
  return () => doc.removeEventListener('focusin', onFocusIn);
}
