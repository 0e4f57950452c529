import type { Range } from '../types';
import type { RawQuote } from './quotePairs';
import type { Attribution, SpeakerContext } from './speakerContext';
import { speakerFromPhrase } from './speakerPhrase';

/**
 * Attribution phrases around one quotation, read on the masked text (quoted words blanked):
 *
 * - after it:  “…,” said Robert Wood, the U.S. representative   /   “…,” Woodward told the Council
 * - before it: Maria Zakharova, a spokeswoman, said: “…”   /   Kuleba called Russia's veto “…”
 *              (the subject of the first speech verb of the sentence before the quotation)
 * - anywhere in the sentence: according to a UN press release
 */

const VERBS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'added', 'adds', 'adding', 'asked', 'asks',
  'wrote', 'writes', 'writing', 'stated', 'explained', 'explains', 'insisted', 'insists', 'warned', 'warns',
  'warning', 'argued', 'argues', 'claimed', 'claims', 'declared', 'declares', 'replied', 'responded',
  'called', 'calls', 'call', 'calling', 'described', 'describes', 'describing', 'branded', 'brands',
  'slammed', 'slams', 'denounced', 'denounces', 'denouncing', 'condemned', 'condemns', 'urged', 'urges',
  'accused', 'accuses', 'agreed', 'remarked', 'announced', 'announces', 'tweeted', 'posted', 'reported',
  'acknowledged', 'admitted', 'conceded', 'suggested', 'stressed', 'emphasized', 'emphasised', 'observed',
  'commented', 'quipped', 'vowed', 'promised', 'predicted', 'decried', 'criticized', 'criticised',
  'praised', 'labelled', 'labeled', 'dubbed', 'termed', 'recalled', 'concluded', 'continued', 'noted',
  'notes', 'cautioned', 'pledged', 'confirmed', 'denied', 'blamed', 'hailed', 'welcomed', 'lamented',
  'disagreed', 'countered', 'retorted', 'objected', 'answered', 'shouted', 'whispered', 'testified',
];
const VERB = VERBS.join('|');
/** A speech verb, not inside a hyphenated word ("so-called"). */
const VERB_ANYWHERE = new RegExp(`(?<![\\w-])(?:${VERB})(?![\\w-])`, 'gi');
const NP = `(?:[\\p{L}\\p{N}.’'-]+ ){0,5}[\\p{L}\\p{N}.’'-]+`;
const ADVERB = '(?:(?:also|later|then|again|earlier|further|previously|once) )?';
const AFTER_VERB = new RegExp(`^\\s*[,;:—–-]?\\s*(?:${VERB})\\s+`, 'u');
const SUBJECT_VERB = new RegExp(`^\\s*[,;:—–-]?\\s*(${NP})(?:,[^,;:_“”"]{1,80},)?\\s+${ADVERB}(?:${VERB})(?![\\w-])`, 'u');
const ACCORDING = /\baccording to\s+/gi;
const CONJUNCTION = /^(?:and|but|or|as|which|that|who|because|while|when|if|so|than|then|for|to|of|in|on|at|with|is|was|are|were)$/i;

/** Attribution written right after the closing mark. */
export function attributionAfter(ctx: SpeakerContext, q: RawQuote): Attribution | null {
  if (!q.closed) return null;
  const sentence = ctx.sentenceAt(q.outerEnd - 1);
  const end = Math.max(sentence.end, q.outerEnd);
  const after = ctx.masked.slice(q.outerEnd, end);
  const inner = ctx.doc.norm.slice(q.start, q.end);
  const punctuated = /[,?!—–-]$/.test(inner) || /^\s*[,—–]/.test(after);
  const verbFirst = AFTER_VERB.exec(after);
  if (verbFirst && punctuated) return speakerAfterVerb(ctx, q.outerEnd + verbFirst[0].length, end);
  const subject = SUBJECT_VERB.exec(after);
  if (!subject || CONJUNCTION.test(subject[1].split(' ')[0])) return null;
  const from = q.outerEnd + subject[0].indexOf(subject[1]);
  const found = speakerFromPhrase(ctx, from, from + subject[1].length, { bare: punctuated });
  // Without a comma before it, only a name or a pronoun is trusted ("the ‘Yankees’ fans said").
  if (found && !punctuated && found.kind === 'group') return null;
  return found;
}

/** `said the envoy, Dorothy Shea` / `said Robert Wood, the U.S. representative`. */
function speakerAfterVerb(ctx: SpeakerContext, from: number, to: number): Attribution | null {
  const parts = commaParts(ctx.masked, from, to, /[.;:!?]/);
  if (!parts.length) return null;
  const first = speakerFromPhrase(ctx, parts[0].start, cutAt(ctx.masked, parts[0], /\s(?:according to|to|in|at|on|after|before|during)\s/));
  if (first?.kind === 'person') return first;
  const second = parts[1] && ctx.persons.find((p) => p.start >= parts[1].start && p.start <= parts[1].start + 1);
  if (second) return { speaker: second.full, span: { start: second.start, end: second.end }, kind: 'person' };
  return first;
}

/** Attribution in the sentence before the opening mark: the subject of its first speech verb. */
export function attributionBefore(ctx: SpeakerContext, q: RawQuote): Attribution | null {
  const sentence = ctx.sentenceAt(q.outerStart);
  return subjectOfSpeech(ctx, Math.min(sentence.start, q.outerStart), q.outerStart);
}

/**
 * The speaker of a speech verb in `[from, to)`: the nearest verb with a person named right
 * before it ("The agency said Smith called it “…”"), else the first verb with a usable subject
 * (the main clause: "Hwang, the ambassador, said Seoul had accused … “…”").
 */
export function subjectOfSpeech(ctx: SpeakerContext, from: number, to: number): Attribution | null {
  const verbs = [...ctx.masked.slice(from, to).matchAll(VERB_ANYWHERE)].map((m) => from + (m.index ?? 0));
  for (let i = verbs.length - 1; i >= 0; i--) {
    const person = personRightBefore(ctx, from, verbs[i]);
    if (person) return person;
  }
  for (const verb of verbs) {
    const found = subjectBefore(ctx, segmentStart(ctx, from, verb), verb);
    if (found) return found;
  }
  return null;
}

const SUBJECT_GAP = /^(?:\s+(?:also|later|earlier|then|again|had|has|have|once|previously|further|reportedly|publicly|simply))*\s+$/;

function personRightBefore(ctx: SpeakerContext, from: number, verb: number): Attribution | null {
  for (let i = ctx.persons.length - 1; i >= 0; i--) {
    const p = ctx.persons[i];
    if (p.end > verb) continue;
    if (p.start < from || !SUBJECT_GAP.test(ctx.masked.slice(p.end, verb))) return null;
    return { speaker: p.full, span: { start: p.start, end: p.end }, kind: 'person' };
  }
  return null;
}

/** Where the clause of a verb starts: after an earlier quotation or a semicolon. */
function segmentStart(ctx: SpeakerContext, from: number, verb: number): number {
  let start = from;
  for (const q of ctx.quotes) if (q.outerEnd <= verb && q.outerEnd > start) start = q.outerEnd;
  const semi = ctx.masked.lastIndexOf(';', verb);
  return Math.max(start, semi >= from ? semi + 1 : from);
}

/**
 * The subject before a speech verb. A name anywhere in it wins; otherwise the comma-separated
 * part nearest the verb, unless a comma stands right before the verb ("The United States,
 * meanwhile, said"; "The Kremlin, which …, said"), which makes that part parenthetical.
 */
function subjectBefore(ctx: SpeakerContext, from: number, verb: number): Attribution | null {
  const person = ctx.persons.find((p) => p.start >= from && p.end <= verb);
  if (person) return { speaker: person.full, span: { start: person.start, end: person.end }, kind: 'person' };
  const parts = commaParts(ctx.masked, from, verb, null).filter((p) => /\S/.test(ctx.masked.slice(p.start, p.end)));
  if (/,\s*$/.test(ctx.masked.slice(from, verb)) && parts.length >= 2) parts.pop();
  for (let i = parts.length - 1; i >= 0; i--) {
    const text = ctx.masked.slice(parts[i].start, parts[i].end).trim();
    if (/^(?:which|who|whose|where|when)\b/i.test(text)) continue;
    const found = speakerFromPhrase(ctx, parts[i].start, parts[i].end);
    if (found) return found;
  }
  return null;
}

/** "according to X" anywhere in the sentence, outside quotations. */
export function attributionAccording(ctx: SpeakerContext, sentence: Range): Attribution | null {
  const text = ctx.masked.slice(sentence.start, sentence.end);
  for (const m of text.matchAll(ACCORDING)) {
    const from = sentence.start + (m.index ?? 0) + m[0].length;
    const parts = commaParts(ctx.masked, from, sentence.end, /[.;:!?_“”"‘’]/);
    if (!parts.length) continue;
    const found = speakerFromPhrase(ctx, parts[0].start, parts[0].end, { bare: true });
    if (found) return found;
  }
  return null;
}

/** Comma-separated parts of `[from, to)`, stopping at the first `stop` character. */
function commaParts(text: string, from: number, to: number, stop: RegExp | null): Range[] {
  const parts: Range[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const ch = i < to ? text[i] : ',';
    const stops = stop !== null && i < to && stop.test(ch) && !isAbbreviationDot(text, i);
    if (ch === ',' || stops) {
      parts.push({ start, end: i });
      start = i + 1;
      if (stops) break;
    }
  }
  return parts;
}

/** The dots of "U.S." and "U.N." do not end a phrase. */
function isAbbreviationDot(text: string, i: number): boolean {
  return text[i] === '.' && (/(?:^|[\s.(])\p{L}$/u.test(text.slice(Math.max(0, i - 2), i)) || /\p{L}/u.test(text[i + 1] ?? ''));
}

function cutAt(text: string, r: Range, re: RegExp): number {
  const m = re.exec(text.slice(r.start, r.end));
  return m ? r.start + (m.index ?? 0) : r.end;
}
