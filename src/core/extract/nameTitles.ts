import type { NameToken } from './nameTokens';
import { TITLE_HEADS } from './nameWords';
import { isTitleWord } from './nameSegments';

const CHAIN_CONNECTORS = new Set(['to', 'at', 'of', 'for']);

/**
 * The title or role written right before the name that starts at token `i`, as written:
 * "Ambassador", "Foreign Minister", "spokeswoman", and chained roles such as
 * "Ambassador to the UN" or "Secretary of State". Null when there is none.
 */
export function titleBefore(toks: NameToken[], i: number, norm: string): string | null {
  const direct = titleWordsEndingAt(toks, i - 1);
  if (direct !== null) return norm.slice(toks[direct].start, toks[i - 1].end);
  // "Ambassador to the UN Vassily Nebenzia": a title, a connector, the body, then the name.
  let k = i - 1;
  let caps = 0;
  while (k >= 0 && toks[k].type === 'word' && toks[k].cap && !isTitleWord(toks[k]) && caps < 4) {
    k--;
    caps++;
  }
  if (caps === 0 || k < 0) return null;
  if (toks[k].key === 'the') k--;
  if (k < 0 || !CHAIN_CONNECTORS.has(toks[k].key)) return null;
  const first = titleWordsEndingAt(toks, k - 1);
  return first === null ? null : norm.slice(toks[first].start, toks[i - 1].end);
}

/** Index of the first token of a title phrase ending at `k`, or null. The phrase needs a head. */
function titleWordsEndingAt(toks: NameToken[], k: number): number | null {
  let first = -1;
  let head = false;
  let connector = false;
  let j = k;
  while (j >= 0) {
    if (isTitleWord(toks[j])) {
      head ||= TITLE_HEADS.has(toks[j].key);
      first = j;
      j--;
      continue;
    }
    // "Secretary of State": a connector between two title words.
    if ((toks[j].key === 'of' || toks[j].key === 'for') && first === j + 1 && TITLE_HEADS.has(toks[j - 1]?.key ?? '')) {
      connector = true;
      j--;
      continue;
    }
    break;
  }
  if (first < 0 || !head) return null;
  // A title ends with a head ("Foreign Minister", not "Minister Foreign") unless it is chained.
  return TITLE_HEADS.has(toks[k].key) || connector ? first : null;
}
