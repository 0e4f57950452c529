import type { NameToken } from './nameTokens';
import {
  COMMON_OPENERS, COMPASS, DEMONYMS, FINITE_AFTER_SUBJECT, METONYMS, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS,
} from './nameWords';

/**
 * Sentence openers are capitalised whatever they are. One is taken for a name only when
 * the source supports it: the word is capitalised elsewhere in mid-sentence, or it is the
 * subject of a verb ("Beijing said"), or it starts a longer run of capitalised words
 * ("Maria Zakharova, a foreign ministry spokeswoman") — never when it is a common opener
 * ("The", "Additional"), a word the source writes in lower case, or looks like an adverb
 * or a participle ("Recently", "Facing").
 */

/** What the document says about capitalisation, for judging sentence-initial words. */
export interface CaseEvidence {
  /** Keys of words seen capitalised away from the start of a sentence. */
  knownCapitalised: Set<string>;
  /** Keys of words seen in lower case. */
  seenLower: Set<string>;
}

/** Whether a capitalised sentence opener is a name. */
export function keepOpening(toks: NameToken[], from: number, to: number, cases: CaseEvidence): boolean {
  const t = toks[from];
  // An acronym, or a particle written in lower case ("de Gaulle said"), is no accident of position.
  if (t.acronym || !t.cap) return true;
  if (COMMON_OPENERS.has(t.key)) return false;
  if (METONYMS.has(t.key)) return true;
  if (DEMONYMS.has(t.key) || COMPASS.has(t.key) || TITLE_HEADS.has(t.key) || TITLE_MODIFIERS.has(t.key)) return true;
  if (cases.knownCapitalised.has(t.key)) return true;
  if (cases.seenLower.has(t.key)) return false;
  const next = toks[from + 1];
  const lowerNext = next?.type === 'word' && !next.cap ? next.key : '';
  // The subject of a verb: "Beijing said", "Washington published".
  if (SPEECH_VERBS.has(lowerNext) || FINITE_AFTER_SUBJECT.has(lowerNext)) return true;
  // Adverbs and participles open sentences ("Recently", "Facing increased…"); names rarely end so.
  if (/(?:ally|ently|antly|ously|ively|ately|edly|ingly|fully|lessly|ably|ibly|\wing)$/.test(t.key)) return false;
  if (/ed$/.test(lowerNext)) return true;
  if (to - from >= 2) return true;
  return next?.type === 'poss';
}

/** Parts of a title-case headline made of words the body confirms. */
export function splitUnknown(toks: NameToken[], from: number, to: number, cases: CaseEvidence): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let s = -1;
  for (let j = from; j <= to; j++) {
    const ok = j < to && (toks[j].acronym || cases.knownCapitalised.has(toks[j].key));
    if (ok && s < 0) s = j;
    if (!ok && s >= 0) {
      parts.push([s, j]);
      s = -1;
    }
  }
  return parts;
}
