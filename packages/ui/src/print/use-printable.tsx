import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const PRINT_ROOT_CLASS = 'dr-print-root';

/** The print root never shows on screen. */
const SCREEN_CSS = `@media screen { .${PRINT_ROOT_CLASS} { display: none; } }`;

/**
 * While a print job is on, only the print root goes on paper: the app's frame, menus and buttons are
 * left out. A4 with the margins of an official document. Without a job the browser prints the page.
 */
const PRINT_CSS = `
@media print {
  body > *:not(.${PRINT_ROOT_CLASS}) { display: none !important; }
  .${PRINT_ROOT_CLASS} { display: block; color: #000; font-size: 12pt; line-height: 1.6; }
  .${PRINT_ROOT_CLASS} table { border-collapse: collapse; width: 100%; }
  .${PRINT_ROOT_CLASS} th, .${PRINT_ROOT_CLASS} td { border: 1px solid #000; padding: 4px 6px; text-align: left; vertical-align: top; }
  .${PRINT_ROOT_CLASS} .dr-print-break { page-break-before: always; }
  .${PRINT_ROOT_CLASS} code { font-family: 'Courier New', monospace; word-break: break-all; }
  @page { size: A4; margin: 20mm 16mm; }
}`;

interface PrintJob {
  content: ReactNode;
  title: string;
}

/** What {@link usePrintable} gives: the print function and the element to render once in the page. */
export interface Printable {
  /**
   * Prints `content` alone (not the page around it) through the browser's print dialog.
   * @param content - what goes on paper
   * @param title - the document title for the print header and a saved PDF's name
   */
  print: (content: ReactNode, title: string) => void;
  /** Render this anywhere in the page: it puts the content into a print-only root under `<body>`. */
  portal: ReactNode;
}

/**
 * Prints a chosen piece of content on its own (a party's seed card, a draw's receipt page) with a
 * print stylesheet, while the screen keeps showing the page.
 */
export function usePrintable(): Printable {
  const [job, setJob] = useState<PrintJob | null>(null);
  const print = useCallback((content: ReactNode, title: string) => setJob({ content, title }), []);

  useEffect(() => {
    if (!job) return;
    const previousTitle = document.title;
    document.title = job.title;
    const finish = () => {
      document.title = previousTitle;
      setJob(null);
    };
    window.addEventListener('afterprint', finish, { once: true });
    // After the portal has rendered the content: print on the next frame.
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', finish);
      document.title = previousTitle;
    };
  }, [job]);

  const portal = createPortal(
    <div className={PRINT_ROOT_CLASS}>
      <style>{job ? `${SCREEN_CSS}${PRINT_CSS}` : SCREEN_CSS}</style>
      {job?.content}
    </div>,
    document.body,
  );
  return { print, portal };
}
