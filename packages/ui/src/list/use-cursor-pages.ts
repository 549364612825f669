import { useCallback, useState } from 'react';

/** State of {@link useCursorPages}: the variables of the current page and how to move. */
export interface CursorPages {
  /** `first` variable of the connection field. */
  first: number;
  /** `after` variable of the connection field; null on the first page. */
  after: string | null;
  /** 1-based number of the current page. */
  page: number;
  /** Moves to the page after `endCursor` (the current page's `pageInfo.endCursor`). */
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  /** Changes the page size and goes back to the first page. */
  changePageSize: (pageSize: number) => void;
  /** Goes back to the first page, e.g. when the list's filters change. */
  reset: () => void;
}

/**
 * Page-by-page navigation over a Relay-style connection: remembers the `after` cursor of every page
 * visited so that 上一页 goes back without the server offering backward paging.
 * @param initialPageSize - rows per page
 */
export function useCursorPages(initialPageSize: number): CursorPages {
  const [first, setFirst] = useState(initialPageSize);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((visited) => [...visited, endCursor]);
  }, []);
  const previous = useCallback(() => setCursors((visited) => (visited.length > 1 ? visited.slice(0, -1) : visited)), []);
  const changePageSize = useCallback((pageSize: number) => {
    setFirst(pageSize);
    setCursors([null]);
  }, []);
  const reset = useCallback(() => setCursors([null]), []);
  return { first, after: cursors[cursors.length - 1] ?? null, page: cursors.length, next, previous, changePageSize, reset };
}
