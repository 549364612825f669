import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rule tags of axe-core (GB/T 37668 and the 适老化 guidance track WCAG 2.x AA). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One axe-core violation, cut down to what a reader of a failed test needs. */
export interface A11yViolation {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's explanation for the first element, e.g. the colours and the ratio measured. */
  firstFailure: string;
}

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/**
 * Waits until nothing on the page is moving: antd fades drawers, tabs and messages in, and a colour
 * measured half-way through a fade is no colour the user reads. Endless animations (a spinner) are ignored.
 */
export async function waitForStillPage(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getAnimations().every((animation) => {
        const timing = animation.effect?.getComputedTiming();
        return animation.playState !== 'running' || timing?.iterations === Infinity;
      }),
    undefined,
    { timeout: 10_000 },
  );
}

/** Injects axe-core into the page (from npm, no download) and runs the WCAG 2.1 A/AA rules on the whole document. */
export async function axeViolations(page: Page): Promise<A11yViolation[]> {
  await waitForStillPage(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
      firstFailure: (violation.nodes[0]?.failureSummary ?? '').split('\n').slice(1).join(' ').trim(),
    }));
  }, WCAG_21_AA);
}

/** Where the focused element is and whether the user can see it: inside the viewport and not covered by anything. */
export interface FocusStop {
  /** Tag, test id or accessible name: enough to find the element in a failure message. */
  what: string;
  inViewport: boolean;
  /** The element drawn on top of the focused one at one of its probe points, if not the element itself. */
  coveredBy: string | null;
}

/** Describes the element that has focus now, or null when focus is on the document itself. */
export async function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) return null;
    const describe = (node: Element) =>
      [node.tagName.toLowerCase(), node.getAttribute('data-testid') ?? node.closest('[data-testid]')?.getAttribute('data-testid') ?? '', node.getAttribute('aria-label') ?? (node.textContent ?? '').trim().slice(0, 20)]
        .filter(Boolean)
        .join(' ');
    // A visually hidden input (antd's radio and checkbox) is shown by its wrapper: judge what is drawn.
    const rect = element.getBoundingClientRect();
    const shown = rect.width < 2 || rect.height < 2 ? (element.closest('label') ?? element.parentElement ?? element) : element;
    const box = shown.getBoundingClientRect();
    // A region taller or wider than the window (a tab panel) cannot fit: enough that the user sees part of it.
    const fits = box.height <= window.innerHeight && box.width <= window.innerWidth;
    const inViewport = fits
      ? box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth
      : box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth;
    if (!fits) return { what: describe(element), inViewport, coveredBy: null };
    const inset = (size: number) => Math.min(4, size / 4);
    const probes = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset(box.width), box.top + inset(box.height)],
      [box.right - inset(box.width), box.bottom - inset(box.height)],
    ];
    let coveredBy: string | null = null;
    for (const [x, y] of probes) {
      const hit = document.elementFromPoint(x, y);
      if (hit && !shown.contains(hit) && !hit.contains(shown) && !element.contains(hit)) {
        coveredBy = describe(hit);
        break;
      }
    }
    return { what: describe(element), inViewport, coveredBy };
  });
}
