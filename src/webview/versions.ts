import { diffChars, diffWords } from 'diff';
import type { ResultFinding } from '../core/result';

/**
 * The tooltip lists every source's version of a finding; where wording differs, the words
 * (or, for spellings, the letters) that differ from the first version are marked. Pure.
 */

export interface Part {
  text: string;
  changed: boolean;
}

/** Letters for spelling-like differences of one name; words for everything else. */
export function diffMode(f: ResultFinding): 'chars' | 'words' {
  return f.kind === 'name' && ['spelling', 'hyphenation', 'case'].includes(f.detail) ? 'chars' : 'words';
}

/** Whether the versions are worth a word diff at all: differing findings, and reworded quotes. */
export function wantsDiff(f: ResultFinding): boolean {
  return f.verdict === 'differ' || (f.kind === 'quote' && f.detail === 'reworded');
}

/**
 * Each text split into parts, `changed` where it differs from `texts[0]`; the first text is
 * marked where any other text lacks its words. Case is ignored: "A guilty plea" and "a guilty
 * plea" are the same words to a reader checking a quote.
 */
export function versionParts(texts: ReadonlyArray<string>, mode: 'chars' | 'words'): Part[][] {
  if (!texts.length) return [];
  const ref = texts[0];
  // jsdiff builds the unchanged and added parts from its second argument, so each text is
  // read off a diff in which it comes second: against the reference for the others, and
  // from every other text for the reference itself.
  const run = (a: string, b: string) => (mode === 'chars' ? diffChars(a, b, { ignoreCase: true }) : diffWords(a, b, { ignoreCase: true }));
  const refChanged = new Array<boolean>(ref.length).fill(false);
  const others = texts.slice(1).map((t) => {
    let at = 0;
    for (const c of run(t, ref)) {
      if (c.removed) continue;
      if (c.added) for (let i = at; i < at + c.value.length && i < ref.length; i++) refChanged[i] = true;
      at += c.value.length;
    }
    return merge(run(ref, t).filter((c) => !c.removed).map((c) => ({ text: c.value, changed: !!c.added && (mode === 'chars' || /\S/.test(c.value)) })));
  });
  // White space at the edge of a changed run is not a change: "more than 1,000" is one mark,
  // but the space before "containers" is not part of it. A run of white space alone is kept
  // when letters are compared: "Jong Un" against "Jong-un" differs exactly there.
  for (let i = 0; i < ref.length; i++) {
    if (!refChanged[i] || /\S/.test(ref[i])) continue;
    let j = i;
    while (j < ref.length && refChanged[j] && !/\S/.test(ref[j])) j++;
    const inside = i > 0 && refChanged[i - 1] && j < ref.length && refChanged[j];
    const alone = (i === 0 || !refChanged[i - 1]) && (j === ref.length || !refChanged[j]);
    if (!inside && !(alone && mode === 'chars')) for (let k = i; k < j; k++) refChanged[k] = false;
    i = j - 1;
  }
  const refParts: Part[] = refChanged.map((changed, i) => ({ text: ref[i], changed }));
  return [merge(refParts), ...others];
}

function merge(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out[out.length - 1];
    if (last && last.changed === p.changed) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
