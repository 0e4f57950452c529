/**
 * Reading quote marks one by one: which characters can open a quotation, which can close one,
 * and which are apostrophes. Pairing them is `quotePairs.ts`'s job.
 *
 * Curly marks carry their direction (“ opens, ” closes), straight marks do not, so their role
 * comes from what stands on either side: a mark after a space and before a word opens, a mark
 * after a word or punctuation and before a space or punctuation closes.
 *
 * Single marks double as apostrophes, and `’` is the typographic apostrophe, so a single mark
 * is an apostrophe when it sits between two letters or digits ("Today’s", "we’re"), starts an
 * elision ("’90s", "’em", "rock ’n’ roll"). A mark after a plural "s" and before a word
 * ("the experts’ work") is read as a *weak* closer: usually a possessive, and used as a closer
 * only when nothing better closes the open quotation (see `quotePairs.ts`).
 */

export type Family = 'double' | 'single' | 'guillemet' | 'single-guillemet';

export interface Mark {
  pos: number;
  ch: string;
  family: Family;
  open: boolean;
  close: boolean;
  /** A closer that is more often a plural possessive ("players’ union"). */
  weak: boolean;
}

const FAMILY: Record<string, Family> = {
  '“': 'double', '”': 'double', '„': 'double', '‟': 'double', '"': 'double',
  '‘': 'single', '’': 'single', '‚': 'single', '‛': 'single', "'": 'single',
  '«': 'guillemet', '»': 'guillemet', '‹': 'single-guillemet', '›': 'single-guillemet',
};

const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Characters after which a mark starts a quotation: "(“", "—'", "said:\"". */
const OPEN_CONTEXT = /[\s([{\[—–\-/:“‘«‹„‚]/;
/** Characters before which a mark ends a quotation. */
const CLOSE_CONTEXT = /[\s.,;:!?)\]}—–\-…”’»›"']/;
const SENTENCE_PUNCT = /[.,;:!?…]/;
/** Elisions written with a leading apostrophe. */
const ELISION = /^['’‘](?:\d\d(?:s\b|\b)|em\b|til\b|tis\b|twas\b|cause\b|bout\b)/i;

/** Every quote mark in `text[from, to)`, with apostrophes left out. */
export function classifyMarks(text: string, from: number, to: number): Mark[] {
  const out: Mark[] = [];
  let skipTo = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const family = FAMILY[ch];
    if (!family || i < skipTo) continue;
    // "rock ’n’ roll": both marks are apostrophes.
    if (/^['’‘]n['’‘](?=\s)/i.test(text.slice(i, i + 4)) && (i === from || SPACE.test(text[i - 1]))) {
      skipTo = i + 3;
      continue;
    }
    const m = classify(text, i, from, to, family);
    if (m) out.push(m);
  }
  return out;
}

function classify(text: string, i: number, from: number, to: number, family: Family): Mark | null {
  const ch = text[i];
  const before = i > from ? text[i - 1] : ' ';
  const after = i + 1 < to ? text[i + 1] : ' ';
  const openPos = OPEN_CONTEXT.test(before) && !SPACE.test(after);
  const closePos = !SPACE.test(before) && (CLOSE_CONTEXT.test(after) || SENTENCE_PUNCT.test(before));
  const mark = (open: boolean, close: boolean, weak = false): Mark | null =>
    open || close ? { pos: i, ch, family, open, close, weak } : null;

  if (family === 'single') {
    if (WORD.test(before) && WORD.test(after)) return null; // Today’s, we’re, O’Brien
    if ((i === from || OPEN_CONTEXT.test(before)) && ELISION.test(text.slice(i, i + 7))) return null;
    if (ch === '‚') return mark(openPos, false);
    const weak = closePos && /s/i.test(before) && after === ' ' && WORD.test(text[i + 2] ?? '');
    if (ch === '‘' || ch === '‛') return mark(!closePos || openPos, closePos);
    if (ch === '’') return mark(openPos && !closePos, closePos || (!SPACE.test(before) && !openPos), weak);
    return mark(openPos, closePos, weak); // straight '
  }
  if (family === 'double') {
    if (ch === '„') return mark(true, false);
    if (ch === '“' || ch === '‟') return mark(!closePos || openPos, closePos);
    if (ch === '”') return mark(openPos && !closePos, closePos || (!SPACE.test(before) && !openPos));
    return mark(openPos, closePos); // straight "
  }
  // Guillemets: « … » (French, with or without inner spaces) or » … « (German, Danish).
  const forward = ch === '«' || ch === '‹';
  if (forward) return mark(true, closePos && !openPos && !SPACE.test(before));
  return mark(openPos && !closePos, true);
}

/** Whether a closing `mark` ends a quotation opened with `opener`. */
export function closes(opener: Mark, mark: Mark): boolean {
  if (!mark.close || opener.family !== mark.family) return false;
  if (opener.family === 'guillemet' || opener.family === 'single-guillemet') return opener.ch !== mark.ch;
  return true;
}
