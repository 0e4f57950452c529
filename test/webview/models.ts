import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildViewModel } from '../../src/core/view/buildView';
import { readPlainText } from '../../src/core/sources/plainText';
import type { ViewModel, ViewRow, ViewSource } from '../../src/core/view/viewModel';
import type { ResultFinding } from '../../src/core/result';

/**
 * View models for the webview harness (scripts/webview-dev.mjs) and its screenshots: the real
 * one from the seeds, a big one for timing, one with twelve sources, and a hostile one whose
 * text tries to become markup.
 */

const SEEDS = join(__dirname, '..', '..', 'seeds');

export function seedsModel(dir = SEEDS): ViewModel {
  return buildViewModel(readdirSync(dir).filter((f) => /\.(txt|md|html?)$/.test(f)).map((f) => ({ id: f, path: join(dir, f), read: readPlainText(readFileSync(join(dir, f), 'utf8')) })));
}

/**
 * Every source's text repeated `times` times, with rows and findings repeated at the shifted
 * offsets: a model as large as a long investigation, but still consistent (every cell and
 * mention points at real text).
 */
export function bigModel(base: ViewModel, times: number): ViewModel {
  const sep = '\n\n';
  const shift = base.sources.map((s) => s.text.length + sep.length);
  const sources: ViewSource[] = base.sources.map((s) => ({
    ...s,
    text: Array.from({ length: times }, () => s.text).join(sep),
    boilerplate: Array.from({ length: times }, (_, k) => s.boilerplate.map((r) => ({ start: r.start + k * (s.text.length + sep.length), end: r.end + k * (s.text.length + sep.length) }))).flat(),
  }));
  const rows: ViewRow[] = [];
  const findings: ResultFinding[] = [];
  for (let k = 0; k < times; k++) {
    for (const r of base.rows) {
      rows.push({
        ...r,
        id: `row-${rows.length + 1}`,
        passage: r.passage && `${r.passage}-${k}`,
        cells: r.cells.map((c, i) => c && { ...c, start: c.start + k * shift[i], end: c.end + k * shift[i], diff: c.diff.map((d) => ({ start: d.start + k * shift[i], end: d.end + k * shift[i] })) }),
      });
    }
    for (const f of base.findings) {
      findings.push({
        ...f,
        id: `${f.id}-${k}`,
        ...(f.passage ? { passage: `${f.passage}-${k}` } : {}),
        mentions: f.mentions.map((m) => {
          const i = base.sources.findIndex((s) => s.id === m.source);
          return { ...m, start: m.start + k * shift[i], end: m.end + k * shift[i] };
        }),
      });
    }
  }
  return { ...base, sources, rows, findings };
}

const OUTLETS = ['Northern Ledger', 'The Daily Courier', 'Seoul Evening Post', 'Pacific Wire', 'The Morning Standard', 'Baltic Observer', 'Capital Dispatch', 'Harbour Times', 'Continental Review', 'The Evening Record', 'Meridian News', 'Atlas Report'];

/**
 * `count` independent sources: the seeds (copies made independent) and then renamed clones of
 * them, each with an outlet and a date, with every row and finding extended to the clones.
 */
export function manySourcesModel(base: ViewModel, count: number): ViewModel {
  const origin = Array.from({ length: count }, (_, i) => i % base.sources.length);
  const sources: ViewSource[] = origin.map((o, i) => {
    const s = base.sources[o];
    const id = i < base.sources.length ? s.id : `${String(i).padStart(3, '0')}_clone_of_${s.id.slice(0, 3)}.txt`;
    const { copyOf: _drop, ...rest } = s;
    return { ...rest, id, path: s.path.replace(s.id, id), outlet: OUTLETS[i % OUTLETS.length], date: `2024-03-${String(28 + (i % 3)).padStart(2, '0')}` };
  });
  const rows = base.rows.map((r) => ({ ...r, cells: origin.map((o) => r.cells[o]) }));
  const findings = base.findings.map((f) => ({
    ...f,
    mentions: sources.flatMap((s, i) => f.mentions.filter((m) => m.source === base.sources[origin[i]].id).map((m) => ({ ...m, source: s.id }))),
  }));
  return { ...base, sources, rows, findings, duplicates: [] };
}

/** Source text that tries every trick to become markup or to reorder the page. */
export function hostileModel(): ViewModel {
  const texts: Record<string, string> = {
    'evil_<img src=x onerror=alert(1)>.txt': [
      'Breaking: <img src=x onerror=alert(1)> officials said on Thursday that 12 ships were seized.',
      '',
      'The minister said "<script>alert(1)</script> is not a quote" according to Vasily Nebenzia.',
      '',
      'Click javascript:alert(document.domain) for more. The \u202Egnp.exe\u202C file was attached \u2066isolated\u2069 here.',
    ].join('\n'),
    'plain_second.txt': [
      'Officials said on Thursday that 15 ships were seized, according to the port authority.',
      '',
      'The minister said "it is not a quote" according to Vassily Nebenzia <b onmouseover=alert(2)>bold</b>.',
      '',
      '<a href="javascript:alert(3)">link</a> and <iframe srcdoc="<script>alert(4)</script>"></iframe> and \u202Eright-to-left override.',
    ].join('\n'),
  };
  const model = buildViewModel(Object.entries(texts).map(([id, text]) => ({ id, path: `/tmp/${id}`, read: readPlainText(text) })));
  model.sources[0].outlet = '<svg onload=alert(5)>';
  model.sources[0].notes.push('<img src=y onerror=alert(6)> note');
  model.problems.push({ path: '/tmp/<script>alert(7)</script>.pdf', reason: 'unreadable', message: '<img src=z onerror=alert(8)> could not be read' });
  for (const f of model.findings) f.summary = `<b>${f.summary}</b> <img src=q onerror=alert(9)>`;
  return model;
}
