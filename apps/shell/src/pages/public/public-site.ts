/** The office that publishes draws and their verification page. */
export const ISSUING_OFFICE = '平顶山市卫东区部门联合“双随机、一公开”监管工作联席会议办公室';

/**
 * The public verification page's address for a draw, on this site.
 * @param drawId - the draw to verify; omitted for the page itself
 */
export function verifyPageUrl(drawId?: string): string {
  const url = new URL('/public/verify', window.location.origin);
  if (drawId) url.searchParams.set('drawId', drawId);
  return url.toString();
}
