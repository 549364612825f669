/**
 * `prepare` as the API stores it: the ticked usual materials, then anything else, one item a line.
 * @param values - ticked items and the free text (one item a line)
 */
export function prepareText(values: { prepare?: readonly string[]; prepareOther?: string }): string {
  const other = (values.prepareOther ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  return [...(values.prepare ?? []), ...other].join('\n');
}

/**
 * The items of a stored `prepare`, one a line; older texts may separate them with ； or ;.
 * @param text - as the API returns it
 */
export function prepareItems(text: string | null | undefined): string[] {
  return (text ?? '').split(/\n|；|;/).map((item) => item.trim()).filter(Boolean);
}

/**
 * A visit's hours as a sentence: `09:00–11:00`, or only the start when the end is unknown.
 * @param start - `HH:MM`
 * @param end - `HH:MM`
 */
export function visitHours(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return '';
  return end ? `${start}–${end}` : `${start}起`;
}
