import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('paging', () => {
  it('continues after the last row of the previous page', () => {
    const page = toPage(['a', 'b'], 5, 0);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor)).toBe(2);
    expect(toPage(['e'], 5, 4).pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(4) });
  });

  it('refuses a forged cursor with BAD_USER_INPUT on "after"', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }));
  });
});
