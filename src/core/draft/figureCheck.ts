import type { Figure } from '../types';
import { extractFigures } from '../extract/figures';
import { claimantKey, overlaps, sameValue, sharedCount } from '../compare/figureMatch';
import { blockingKeys, COUNT_KINDS, figureNode, type FigureNode, pairScore, type PairContext, sameClause } from '../compare/figureNodes';
import { checkWeekday, weekdayMisfitText } from '../compare/weekdayCheck';
import { diagnostic, draftRange, evidence, type DraftDiagnostic, type Evidence } from './diagnostic';
import { inMatchedPassage, sourceLabel, type DraftContext } from './draftContext';

/** The document index a draft's figures carry: never a source's. */
const DRAFT = -1;

type Relation = 'same' | 'compatible' | 'conflict';

/**
 * Figures of the draft against the sources', paired by the rules that pair the sources'
 * figures with each other (what is counted, what happened to the people counted, the words
 * of a date's clause and what the date is the date of):
 * - a value that cannot be what the sources say about the same thing → warning listing theirs;
 * - a value some sources give while others give another → information listing both;
 * - a figure no source gives → information.
 * A value agrees with a source's when it is the same, says less, or is a precise value
 * inside the source's vaguer one (see `relate`).
 * Figures inside quotations are left to the quotation check.
 */
export function checkFigures(ctx: DraftContext): DraftDiagnostic[] {
  const { doc } = ctx.draft;
  const index = ctx.index;
  const pairing: PairContext = {
    sameOrigin: () => false,
    samePassage: (a, b) => {
      const draftNode = a.doc === DRAFT ? a : b;
      const other = a.doc === DRAFT ? b : a;
      return inMatchedPassage(ctx, draftNode.fig.sentence, other.doc, other.fig.sentence);
    },
    weight: index.figureWeight,
  };
  const out: DraftDiagnostic[] = [];
  let memo = PAIRED.get(index);
  if (!memo) PAIRED.set(index, (memo = new Map()));
  for (const fig of extractFigures(doc)) {
    if (ctx.quotes.some((q) => q.outer.start <= fig.start && fig.end <= q.outer.end)) continue;
    // How a figure pairs with the sources' depends only on its sentence (its text and the
    // passages it matched, which depend on the text alone) and on the figure read in it.
    // A sentence too long to be prose (a 100,000-character line) is not remembered: its text
    // in the key of every figure in it made the check quadratic in its length.
    const s = doc.sentences[fig.sentence];
    const key = s.end - s.start <= MEMO_SENTENCE ? pairingKey(doc.norm.slice(s.start, s.end), s.boilerplate || s.caption, fig, s.start) : null;
    let paired = key === null ? undefined : memo.get(key);
    if (!paired) {
      paired = pairFigure(ctx, fig, pairing);
      if (memo.size >= 20_000) memo.clear();
      if (key !== null) memo.set(key, paired);
    }
    if (paired === 'skip') continue;
    const d = paired.weekday
      ? judgeWeekday(ctx, fig, paired.sources)
      : paired.sources.length ? judge(ctx, fig, paired.sources) : paired.supported ? null : unsupported(ctx, fig);
    if (d) out.push(d);
  }
  return out;
}

/** A draft's weekday with no date of its own ("on Thursday") is checked by `judgeWeekday`. */
type Paired = 'skip' | { sources: number[]; supported: boolean; weekday?: true };

/** The longest sentence whose figures' pairings are remembered across checks. */
const MEMO_SENTENCE = 2000;

const PAIRED = new WeakMap<DraftContext['index'], Map<string, Paired>>();

function pairingKey(sentence: string, hidden: boolean, fig: Figure, at: number): string {
  const { source: _source, sentence: _index, start, end, ...rest } = fig;
  return `${hidden ? 1 : 0}\u0001${start - at}\u0001${end - at}\u0001${JSON.stringify(rest, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}\u0001${sentence}`;
}

/** The source figures a draft figure pairs with, best first; or, with none, whether a source gives its value. */
function pairFigure(ctx: DraftContext, fig: Figure, pairing: PairContext): Paired {
  const index = ctx.index;
  const node = figureNode(ctx.draft.doc, DRAFT, fig);
  if (!node) return 'skip';
  const sources = index
    .figureCandidates(blockingKeys(node))
    // A source's weekday without a date ("on Thursday") is not checked against a draft's date.
    .filter((i) => node.weekday || !index.figureNodes[i].weekday)
    .map((i) => ({ i, score: pairScore(node, index.figureNodes[i], pairing) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.i);
  if (node.weekday) return { sources, supported: sources.length > 0, weekday: true };
  return { sources, supported: sources.length > 0 || supportedValue(ctx, node) };
}

/**
 * A weekday of the draft with no date of its own ("Russia vetoed it on Wednesday"), against
 * the sources' report of the same thing: a warning when the day they give was another weekday
 * (its year from the date or from the dates beside it, as weekdayCheck.ts reads a group), or
 * when they name another weekday and none names this one. Nothing is said of a weekday no
 * source reports: without a date it is too little to call unsupported.
 */
function judgeWeekday(ctx: DraftContext, fig: Figure, paired: number[]): DraftDiagnostic | null {
  const index = ctx.index;
  const node = figureNode(ctx.draft.doc, DRAFT, fig)!;
  // A source that names this weekday for a report of the same thing backs it.
  if (paired.length === 0 || paired.some((i) => index.figureNodes[i].weekday === node.weekday)) return null;
  const members = index.figureGroups[index.figureGroupOf[paired[0]]].nodes;
  const dated = members.filter((i) => !index.figureNodes[i].weekday);
  const named = members.filter((i) => index.figureNodes[i].weekday);
  const r = draftRange(ctx.draft.doc, fig.start, fig.end);
  const check = checkWeekday([node, ...dated.map((i) => index.figureNodes[i])]);
  if (check && !check.fits) {
    return diagnostic(ctx.draft.doc, r.start, r.end, {
      kind: 'figure',
      verdict: 'differ',
      detail: 'conflict',
      severity: 'warning',
      message: `The sources date this ${values(ctx, dated)}: ${weekdayMisfitText(check)}.`,
      evidence: dated.map((i) => figureEvidence(ctx, i)),
    });
  }
  // Another weekday in the passage may be another event's ("on Friday the ministry said"):
  // only one whose clause is largely the draft's contradicts it.
  const others = named.filter((i) => paired.includes(i) && sameClause(node, index.figureNodes[i]));
  if (!check && others.length && !named.some((i) => index.figureNodes[i].weekday === node.weekday)) {
    return diagnostic(ctx.draft.doc, r.start, r.end, {
      kind: 'figure',
      verdict: 'differ',
      detail: 'conflict',
      severity: 'warning',
      message: `The sources give ${values(ctx, others)} for this.`,
      evidence: others.map((i) => figureEvidence(ctx, i)),
    });
  }
  return null;
}

function judge(ctx: DraftContext, fig: Figure, paired: number[]): DraftDiagnostic | null {
  const index = ctx.index;
  const node = { fig };
  // A source figure with the draft's very value is what the draft reports, even when another
  // figure of the same sentence pairs more strongly ("15-member council" beside "13 in favour").
  const anchor = paired.find((i) => relate(node.fig, index.figureNodes[i].fig) === 'same') ?? paired[0];
  const group = index.figureGroupOf[anchor];
  let same = paired.filter((i) => index.figureGroupOf[i] === group);
  // Who says it matters for counts: compare with the same claimant's figure when there is one.
  const claimant = claimantKey(node.fig.claimant);
  if (claimant) {
    const theirs = same.filter((i) => claimantKey(index.figureNodes[i].fig.claimant) === claimant);
    if (theirs.length) same = theirs;
  }
  const relations = same.map((i) => relate(node.fig, index.figureNodes[i].fig));
  const members = index.figureGroups[group].nodes;
  const others = members.filter((i) => !same.includes(i));
  const disputed = index.figureGroups[group].finding?.detail === 'conflict';
  const r = draftRange(ctx.draft.doc, node.fig.start, node.fig.end);
  if (relations.every((x) => x === 'conflict')) {
    const shown = disputed ? [...same, ...others] : same;
    return diagnostic(ctx.draft.doc, r.start, r.end, {
      kind: 'figure',
      verdict: 'differ',
      detail: 'conflict',
      severity: 'warning',
      message: `The sources give ${values(ctx, shown)} for this${disputed ? ' (and disagree among themselves)' : ''}.`,
      evidence: shown.map((i) => figureEvidence(ctx, i)),
    });
  }
  if (!disputed) return null;
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'figure',
    verdict: 'disputed',
    detail: 'sources-disagree',
    severity: 'information',
    message: `The sources disagree on this: ${values(ctx, members)}.`,
    evidence: members.map((i) => figureEvidence(ctx, i)),
  });
}

/**
 * A figure no source figure pairs with: still supported when a source gives the same value
 * of the same kind of thing (a year the sources name, "15 members" of a differently worded
 * clause); otherwise reported as having no source.
 */
function supportedValue(ctx: DraftContext, node: FigureNode): boolean {
  return ctx.index.figureNodes.some((n) => {
    if (n.fig.kind !== node.fig.kind || !sameValue(n.fig, node.fig)) return false;
    return !COUNT_KINDS.has(n.fig.kind) || sharedCount(n.things, node.things) > 0;
  });
}

function unsupported(ctx: DraftContext, fig: Figure): DraftDiagnostic {
  const r = draftRange(ctx.draft.doc, fig.start, fig.end);
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'figure',
    verdict: 'unsupported',
    detail: 'no-source',
    severity: 'information',
    message: 'No source gives this figure.',
    evidence: [],
  });
}

/**
 * How a draft's value relates to a source's. The draft may say less than the source ("more
 * than 100" for "over 2,400") or be a precise value inside the source's vaguer one ("41"
 * for "at least 30"), but the same kind of statement with another number ("at least 45" for
 * "at least 30", "around 70" for "around 60") is not what the source says.
 */
function relate(d: Figure, s: Figure): Relation {
  if (d.kind === 'date' || s.kind === 'date') return overlaps(d, s) ? 'same' : 'conflict';
  if (sameValue(d, s)) return 'same';
  if (!overlaps(d, s)) return 'conflict';
  // "Millions" beside "over 5 million" is rounding, not a different number.
  if (contains(d, s) || d.hedge === 'vague' || s.hedge === 'vague') return 'compatible';
  return contains(s, d) && d.hedge !== s.hedge ? 'compatible' : 'conflict';
}

/** Every value `inner` allows, `outer` allows too. */
function contains(outer: Figure, inner: Figure): boolean {
  const lowOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || inner.loOpen));
  const highOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || inner.hiOpen));
  return lowOk && highOk;
}

/** “1998” (a.txt, b.txt) and “1996” (c.txt): each wording once, with who says it and where. */
function values(ctx: DraftContext, nodes: number[]): string {
  const byText = new Map<string, Set<number>>();
  for (const i of nodes) {
    const f = ctx.index.figureNodes[i].fig;
    const label = `“${f.text}”${f.claimant ? ` according to ${f.claimant}` : ''}`;
    const docs = byText.get(label) ?? new Set<number>();
    docs.add(ctx.index.figureNodes[i].doc);
    byText.set(label, docs);
  }
  return [...byText.entries()].map(([label, docs]) => `${label} (${[...docs].sort((a, b) => a - b).map((d) => sourceLabel(ctx.index, d)).join(', ')})`).join(' and ');
}

function figureEvidence(ctx: DraftContext, i: number): Evidence {
  const n = ctx.index.figureNodes[i];
  return evidence(ctx.index.docs[n.doc], n.fig.start, n.fig.end, n.fig.claimant);
}
