/**
 * Bidirectional control characters (RLO, LRI, …) reorder the text after them. In an untrusted
 * article they can make "exe.gnp" read as "png.exe", or flip a figure; a fact-checker must see
 * that they are there. The panel shows each one as a visible token instead of obeying it.
 * Pure; tested in test/unit/webviewBidi.
 */

const NAMES: Record<string, string> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export interface Piece {
  /** Offset of the piece in the text it was cut from. */
  at: number;
  text: string;
  /** Set when the piece is one control character: its short name (RLO, PDI, …). */
  control?: string;
}

/** `text` cut into runs of ordinary text and single control characters. */
export function splitControls(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(CONTROLS)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ at: last, text: text.slice(last, at) });
    out.push({ at, text: m[0], control: NAMES[m[0]] });
    last = at + 1;
  }
  if (last < text.length || !out.length) out.push({ at: last, text: text.slice(last) });
  return out;
}

/** For one-line labels (titles, file names, tooltip text): controls written out as ⟦RLO⟧. */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\u27E6${NAMES[c]}\u27E7`);
}
