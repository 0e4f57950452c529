/**
 * `text.slice(0, end)`, moved back one unit when `end` falls inside a surrogate pair, so that
 * text shortened for a title or a message never ends in half an emoji (a lone surrogate,
 * which an editor shows as a box and a UTF-8 file stores as U+FFFD).
 */
export function headOf(text: string, end: number): string {
  if (end <= 0) return '';
  if (end >= text.length) return text;
  const c = text.charCodeAt(end - 1);
  const next = text.charCodeAt(end);
  const splits = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  return text.slice(0, splits ? end - 1 : end);
}
