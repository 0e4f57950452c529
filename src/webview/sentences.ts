/**
 * Finding the sentence under a click, so that "open at this place" selects what the reader
 * pointed at. The engine's sentence splitter is not bundled into the webview (it pulls in
 * the NLP libraries); cells are already whole sentences, so a light splitter that knows the
 * abbreviations of news copy is enough to cut a cell into its sentences.
 */

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen col lt sgt capt rep sen gov pres st jr sr inc co corp ltd no vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u d.c a.m p.m').split(' '),
);

/** Ends a sentence: . ! ? or … possibly closed by quotes or brackets, then space. */
const END = /[.!?…]+["'”’»)\]]*(?=\s)/g;

/** Sentence ranges inside [from, to) of `text`, trimmed of surrounding white space. */
export function sentenceRanges(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const slice = text.slice(from, to);
  const cuts: number[] = [];
  for (const m of slice.matchAll(END)) {
    const at = m.index ?? 0;
    const before = /([\p{L}.]+)$/u.exec(slice.slice(Math.max(0, at - 12), at))?.[1] ?? '';
    const word = before.toLowerCase().replace(/^\.+/, '');
    // "U.S." and "Mr." end words, not sentences; a single capital is an initial ("John F. Kennedy").
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before))) continue;
    const next = slice.slice(at + m[0].length).match(/^\s+(.)/u)?.[1];
    if (next !== undefined && /[\p{Ll}]/u.test(next)) continue;
    cuts.push(at + m[0].length);
  }
  for (const m of slice.matchAll(/\n\s*/g)) cuts.push(m.index ?? 0);
  const bounds = [0, ...cuts.sort((a, b) => a - b), slice.length];
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let s = bounds[i];
    let e = bounds[i + 1];
    while (s < e && /\s/.test(slice[s])) s++;
    while (e > s && /\s/.test(slice[e - 1])) e--;
    if (s < e) out.push({ start: from + s, end: from + e });
  }
  return out;
}

/** The sentence of [from, to) holding `offset`; the nearest one when the offset falls between sentences. */
export function sentenceAt(text: string, from: number, to: number, offset: number): { start: number; end: number } {
  const all = sentenceRanges(text, from, to);
  if (!all.length) return { start: from, end: to };
  return all.find((r) => offset < r.end) ?? all[all.length - 1];
}
