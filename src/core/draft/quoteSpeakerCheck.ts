import type { NameMention, Quote } from '../types';
import { contentWords } from '../text/words';
import type { QuoteAlignment } from './quoteAlign';
import type { SourceQuote } from './sourceIndex';
import { diagnostic, draftRange, evidence, quoted, type DraftDiagnostic, type Evidence } from './diagnostic';
import type { DraftContext } from './draftContext';
import { personOf } from './nameCheck';

/** A source quotation lined up with a draft's. */
export interface Match {
  source: SourceQuote;
  align: QuoteAlignment;
}

export function quoteRange(ctx: DraftContext, q: Quote): { start: number; end: number } {
  return draftRange(ctx.draft.doc, q.start, q.end);
}

/** The window of a source quotation the draft quotes, as evidence with the speaker. */
export function windowEvidence(ctx: DraftContext, m: Match): Evidence {
  const w = m.source.words;
  return evidence(ctx.index.docs[m.source.doc], w[m.align.from].start, w[m.align.to - 1].end, m.source.quote.speaker);
}

/**
 * A quotation the draft gives to a person the sources do not give it to. Only people are
 * compared (a body such as "the ministry" may stand for its spokesperson), only against
 * source quotations whose speaker is known, and one or two words inside a longer quotation
 * are common words, not the same quotation.
 */
export function attribution(ctx: DraftContext, q: Quote, matches: Match[]): DraftDiagnostic | null {
  const speaker = draftSpeaker(ctx, q);
  if (!speaker) return null;
  const relevant = matches.filter((m) => m.source.quote.speaker && !(m.align.relation === 'contained' && m.align.to - m.align.from <= 2));
  if (!relevant.length) return null;
  const entity = ctx.index.person(speaker.name)?.entity ?? null;
  if (entity && relevant.some((m) => m.source.speakerEntity === entity.id)) return null;
  const theirs = [...new Set(relevant.map((m) => ctx.index.analysis.entities.find((e) => e.id === m.source.speakerEntity)?.canonical ?? m.source.quote.speaker!))];
  const r = speaker.range ?? quoteRange(ctx, q);
  return diagnostic(ctx.draft.doc, r.start, r.end, {
    kind: 'quote',
    verdict: 'misattributed',
    detail: 'different-speaker',
    severity: 'warning',
    message: `The sources attribute ${quoted(q.text)} to ${theirs.join(' or ')}, not to ${speaker.name}.`,
    evidence: relevant.map((m) => windowEvidence(ctx, m)),
  });
}

/** Whether the draft and a source give a quotation to the same speaker (person or body). */
export function sameSpeaker(ctx: DraftContext, q: Quote, m: Match): boolean {
  const mine = draftSpeaker(ctx, q);
  if (mine && m.source.speakerEntity) return ctx.index.person(mine.name)?.entity.id === m.source.speakerEntity;
  const a = speakerKeys(q.speaker);
  const b = speakerKeys(m.source.quote.speaker);
  return a.length > 0 && b.length > 0 && a.every((k) => b.includes(k));
}

function speakerKeys(speaker: string | null): string[] {
  return speaker ? contentWords(speaker).map((w) => w.key) : [];
}

/** The person the draft names as the speaker, with the draft range of the name when written there. */
function draftSpeaker(ctx: DraftContext, q: Quote): { name: string; range: { start: number; end: number } | null } | null {
  let mention: NameMention | undefined;
  const span = q.speakerSpan;
  // A person by the draft's cues, or a name the sources know as a person's.
  const isPerson = (m: NameMention) => m.kind === 'person' || m.resolvedTo !== null || personOf(ctx, m) !== null;
  if (span) mention = ctx.names.find((m) => m.start < span.end && m.end > span.start && isPerson(m));
  if (!mention && q.speaker) mention = ctx.names.find((m) => (m.text === q.speaker || m.resolvedTo === q.speaker) && isPerson(m));
  if (!mention) return null;
  const range = span && mention.start < span.end && mention.end > span.start ? draftRange(ctx.draft.doc, mention.start, mention.end) : null;
  return { name: mention.resolvedTo ?? mention.text, range };
}
