import type { Draft, FigureRead, QuantityStart } from './figureDraft';
import { DETERMINERS } from './figureLexicon';
import { clauseContext, complement, lemma, readNounPhrase } from './nounPhrase';
import { parseNumber } from './numberWords';
import type { Token } from './figureTokens';
import { currencyAfter, unitNoun } from './units';

/** What a count counts ("15-member", "412 of 650 seats", "thousands of containers"), and the context of units. */
export function withCountNoun(tokens: Token[], draft: Draft, s: QuantityStart, end: number): FigureRead | null {
  const plural = !(draft.hedge === 'exact' && draft.lo === 1);
  // "15-member Security Council", "25-year-old man", "5,000-strong force"
  if (tokens[end]?.text === '-' && tokens[end].glued && tokens[end + 1]?.glued && tokens[end + 1].type === 'word') {
    return compound(tokens, draft, end);
  }
  const after = tokens[end];
  // "10 of the 15 members": the noun comes from the partitive, the span stays on the number.
  const of = tokens[end + 1];
  const partitive = !!of && (DETERMINERS.has(of.lower) || /'s$/.test(of.lower) || of.lower === 'them' || of.type === 'num');
  if (!s.nm.vague && after?.lower === 'of' && partitive) {
    // "412 of 650 seats", "10 of the 15 members"
    let p = of.type === 'num' ? end + 1 : end + 2;
    const inner = parseNumber(tokens, p);
    if (inner) p = inner.end;
    const np = of.lower === 'them' ? null : readNounPhrase(tokens, p, true);
    draft.noun = np?.noun ?? null;
    draft.context = np?.context ?? [];
    return { draft, next: end };
  }
  const np = readNounPhrase(tokens, end, plural);
  if (np.head < 0) {
    if (draft.lo === 1 && draft.hedge === 'exact' && tokens[s.k].type === 'word') return { draft: null, next: end };
    // "13 in favour", "20 against": what the bare count stands for follows a preposition.
    const prep = ['in', 'against', 'for'].includes(tokens[end]?.lower ?? '') ? readNounPhrase(tokens, end + 1, false).context : [];
    draft.context = [...new Set([...np.context, ...prep, ...clauseContext(tokens, s.i, end, 3, 0)])];
    return { draft, next: end };
  }
  draft.noun = np.noun;
  draft.context = np.context;
  draft.last = np.head;
  // "millions of dollars" is money.
  const currency = currencyAfter(tokens, np.head);
  if (currency) [draft.kind, draft.noun] = ['money', currency.currency];
  return { draft, next: np.head + 1 };
}

function compound(tokens: Token[], draft: Draft, end: number): FigureRead {
  const words: string[] = [];
  let p = end;
  while (tokens[p]?.text === '-' && tokens[p].glued && tokens[p + 1]?.glued && tokens[p + 1].type === 'word') {
    words.push(tokens[p + 1].lower);
    p += 2;
  }
  const head = words[0];
  const unit = unitNoun(head);
  const np = readNounPhrase(tokens, p, false);
  if (unit) {
    draft.kind = 'measure';
    draft.noun = unit;
  } else if (head === 'strong') {
    draft.noun = np.noun; // "a 5,000-strong force" counts the force's members
  } else {
    draft.noun = lemma(head);
  }
  draft.last = p - 1;
  draft.context = [...new Set([...words.map(lemma), ...np.context])];
  return { draft, next: p };
}

export function unitContext(tokens: Token[], draft: Draft, end: number): string[] {
  const out = [...complement(tokens, end)];
  // "$95 billion aid package", "$2.5bn in aid", "5% of voters"
  if (draft.kind === 'money' && (tokens[end]?.lower === 'in' || tokens[end]?.lower === 'for' || tokens[end]?.lower === 'worth')) {
    out.push(...readNounPhrase(tokens, end + 1, false).context);
  } else if (draft.kind === 'money') {
    out.push(...readNounPhrase(tokens, end, false).context);
  }
  out.push(...clauseContext(tokens, draft.first, draft.first, 3, 0));
  return [...new Set(out)];
}
