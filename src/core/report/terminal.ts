/**
 * The human output of `corroborate compare`: what an editor reads in a terminal. Every
 * string from the result goes through `escapeTerminal` first, because a source file could
 * otherwise smuggle escape sequences into the user's terminal.
 */
import type { CompareResult, ResultFinding, ResultPassage, ResultSpan } from '../result';
import { escapeTerminal as t } from './escape';
import { KIND_LABEL, percent, plural, reportSections, wordings, type ReportSections } from './sections';
import { displayWidth, palette, truncate, wrap, type Palette } from './tty';

export interface TerminalOptions {
  /** ANSI colours; the CLI passes `process.stdout.isTTY && !NO_COLOR`. */
  color: boolean;
  /** Columns available; 80 when unknown (piped output). */
  width?: number;
  /** Most items shown per section; `Infinity` shows everything (`--all`). */
  limit?: number;
}

// Differences are the point of the tool, so all are shown; the rest is context.
const DEFAULT_LIMITS = { differences: Infinity, agreements: 20, passages: 15 };
const TAG_WIDTH = 8; // "FIGURE" plus two spaces
// Narrower than this beside an id, text goes on its own lines under the id.
const MIN_BESIDE = 28;

interface Ctx {
  p: Palette;
  width: number;
  /** Source id → the id of its original, for sources that are copies. */
  copyOf: Map<string, string>;
}

export function renderTerminal(result: CompareResult, opts: TerminalOptions): string {
  const sec = reportSections(result);
  const ctx: Ctx = {
    p: palette(opts.color),
    // `process.stdout.columns` is undefined when piped; below 40 columns nothing reads well.
    width: Math.max(40, Math.floor(Number.isFinite(opts.width) ? opts.width! : 80)),
    copyOf: new Map(sec.sources.flatMap((s) => (s.copyOf ? [[s.source.id, s.copyOf] as const] : []))),
  };
  const limit = (section: keyof typeof DEFAULT_LIMITS): number => opts.limit ?? DEFAULT_LIMITS[section];
  const blocks = [
    header(sec, ctx),
    section('Differences', sec.differences, limit('differences'), ctx,
      (f, i, n) => finding(f, `${i + 1}.`.padStart(n), ctx)),
    section('Agreements', sec.agreements, limit('agreements'), ctx, (f) => agreement(f, ctx)),
    section('Aligned passages', sec.passages, limit('passages'), ctx,
      (pa, i, n) => passage(pa, `${i + 1}.`.padStart(n), ctx)) + copyOnlyNote(sec.copyOnlyPassages, ctx),
  ];
  if (sec.problems.length > 0) blocks.push(problems(sec.problems, ctx));
  return `${blocks.join('\n\n')}\n`;
}

function header(sec: ReportSections, ctx: Ctx): string {
  const { p } = ctx;
  const { sources } = sec;
  const counts = `${plural(sources.length, 'source')}, ${sec.independentCount} independent · `
    + `${plural(sec.differences.length, 'difference')}, ${plural(sec.agreements.length, 'agreement')}`;
  const [first, ...rest] = wrap(counts, ctx.width - 13);
  const lines = [`${p.bold('Corroborate')}  ${first}`, ...rest.map((l) => ' '.repeat(13) + l), ''];
  const idCol = idColumn(sources.map((s) => s.source.id));
  for (const { source, copyOf, coverage } of sources) {
    const about = [source.title, source.outlet, source.date].filter(Boolean).map((s) => t(s!)).join(' · ');
    lines.push(...labelled(t(source.id), '', 2, idCol, ctx, (width) => {
      const out = [truncate(about || '(untitled)', width)];
      if (copyOf !== undefined) {
        const cov = coverage === undefined ? '' : ` (coverage ${percent(coverage)})`;
        out.push(p.yellow(truncate(`copy of ${t(copyOf)}${cov}`, width)));
      }
      for (const note of source.notes) out.push(...wrap(`note: ${t(note)}`, width).map(p.dim));
      return out;
    }));
  }
  return lines.join('\n');
}

/** Room for the longest id, its colon and a space. */
function idColumn(ids: string[]): number {
  return Math.max(0, ...ids.map((id) => displayWidth(t(id)))) + 2;
}

/**
 * `id:` with the body beside it when there is room, otherwise the id on a line of its own
 * and the body below. Ids are never cut short: they are how the user finds the file.
 */
function labelled(id: string, colon: string, indent: number, idCol: number, ctx: Ctx,
  body: (width: number) => string[]): string[] {
  const { p } = ctx;
  const pad = (n: number) => ' '.repeat(n);
  if (ctx.width - indent - idCol >= MIN_BESIDE) {
    const idText = p.cyan(id + colon) + pad(idCol - displayWidth(id) - colon.length);
    return body(ctx.width - indent - idCol).map((l, i) => pad(indent) + (i === 0 ? idText : pad(idCol)) + l);
  }
  return [pad(indent) + p.cyan(id + colon), ...body(ctx.width - indent - 2).map((l) => pad(indent + 2) + l)];
}

/** A titled section with at most `limit` items and a line saying how many were left out. */
function section<T>(title: string, items: T[], limit: number, ctx: Ctx,
  render: (item: T, index: number, numberWidth: number) => string): string {
  const { p } = ctx;
  const head = p.heading(`${title} (${items.length})`);
  if (items.length === 0) return `${head}\n\n  ${p.dim('none')}`;
  const shown = items.slice(0, Math.max(0, limit));
  const numberWidth = `${shown.length}.`.length;
  const body = shown.map((item, i) => render(item, i, numberWidth)).join('\n\n');
  const more = items.length - shown.length;
  const tail = more > 0 ? `\n\n  ${p.dim(`… and ${more} more — use --all`)}` : '';
  return `${head}\n\n${body}${tail}`;
}

/** The kind tag and the summary, wrapped beside it, then the verdict's detail dimmed. */
function titleLines(prefix: string, f: ResultFinding, tagPaint: (s: string) => string, ctx: Ctx): string[] {
  const { p } = ctx;
  const col = displayWidth(prefix) + TAG_WIDTH;
  const indent = ' '.repeat(col);
  const kind = KIND_LABEL[f.kind];
  const tag = tagPaint(kind) + ' '.repeat(TAG_WIDTH - kind.length);
  const lines = wrap(t(f.summary), ctx.width - col)
    .map((l, i) => (i === 0 ? prefix + tag : indent) + p.bold(l));
  const meta = `${t(f.detail)} · ${plural(f.independentSources, 'independent source')}`;
  lines.push(indent + p.dim(truncate(meta, ctx.width - col)));
  return lines;
}

function finding(f: ResultFinding, number: string, ctx: Ctx): string {
  const { p } = ctx;
  const prefix = `  ${number} `;
  const lines = titleLines(prefix, f, (s) => p.bold(p.yellow(s)), ctx);
  const indent = displayWidth(prefix) + 2;
  const idCol = idColumn(f.mentions.map((m) => m.source));
  for (const m of f.mentions) lines.push(...mention(m, indent, idCol, ctx));
  return lines.join('\n');
}

/** `source-id:  “exact text”  (label)`, the text wrapped under its opening quote. */
function mention(m: ResultSpan & { label?: string }, indent: number, idCol: number, ctx: Ctx): string[] {
  const { p } = ctx;
  const copy = ctx.copyOf.has(m.source);
  // The header already says whose copy it is; here a short mark is enough.
  const extras = [m.label ? t(m.label) : '', copy ? 'copy' : ''].filter(Boolean).join('; ');
  return labelled(t(m.source), ':', indent, idCol, ctx, (width) => {
    // Continuation lines start one column in, under the text rather than the quote mark.
    const lines = wrap(`“${t(m.text)}”`, width - 1).map((l, i) => (i === 0 ? '' : ' ') + (copy ? p.dim(l) : p.bold(l)));
    if (extras) {
      const tag = `(${extras})`;
      const last = lines.length - 1;
      if (displayWidth(stripAnsi(lines[last]!)) + 2 + displayWidth(tag) <= width) lines[last] += `  ${p.dim(tag)}`;
      else lines.push(` ${p.dim(truncate(tag, width - 1))}`);
    }
    return lines;
  });
}

function agreement(f: ResultFinding, ctx: Ctx): string {
  const { p } = ctx;
  const lines = titleLines('  ', f, p.green, ctx);
  const col = 2 + TAG_WIDTH;
  for (const w of wordings(f)) {
    const text = `“${t(w.text)}” — ${w.sources.map(t).join(', ')}`;
    lines.push(...wrap(text, ctx.width - col).map((l) => ' '.repeat(col) + p.dim(l)));
  }
  return lines.join('\n');
}

function passage(pa: ResultPassage, number: string, ctx: Ctx): string {
  const { p } = ctx;
  const prefix = `  ${number} `;
  const indent = displayWidth(prefix);
  const head = plural(pa.independentSources, 'independent source');
  const rest = ` · ${plural(pa.members.length, 'member')} · similarity ${percent(pa.similarity)}`;
  const room = ctx.width - indent;
  const lines = [prefix + (displayWidth(head + rest) <= room ? p.bold(head) + p.dim(rest) : p.bold(truncate(head, room)))];
  const idCol = idColumn(pa.members.map((m) => m.source));
  const shown = new Map<string, string>(); // text → the first source shown with it
  for (const m of pa.members) {
    const original = ctx.copyOf.get(m.source);
    // A copy repeating its original word for word adds nothing to read.
    const same = original !== undefined && shown.get(m.text) === original;
    if (!shown.has(m.text)) shown.set(m.text, m.source);
    lines.push(...labelled(t(m.source), ':', indent, idCol, ctx, (width) => [
      same ? p.dim(truncate(`same as ${t(original!)}`, width)) : truncate(t(m.text), width),
    ]));
  }
  return lines.join('\n');
}

function copyOnlyNote(n: number, ctx: Ctx): string {
  if (n === 0) return '';
  const text = `${plural(n, 'more passage')} shared only by a copy and its original ${n === 1 ? 'is' : 'are'} not shown.`;
  return `\n\n${wrap(text, ctx.width - 2).map((l) => `  ${ctx.p.dim(l)}`).join('\n')}`;
}

function problems(list: CompareResult['problems'], ctx: Ctx): string {
  const { p } = ctx;
  const lines = [p.heading(`Could not read (${list.length})`), ''];
  for (const pr of list) {
    const text = `${t(pr.path)}: ${t(pr.message)} (${t(pr.reason)})`;
    const [first, ...rest] = wrap(text, ctx.width - 4);
    lines.push(`  ${p.red('✗')} ${first}`, ...rest.map((l) => `    ${l}`));
  }
  return lines.join('\n');
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}
