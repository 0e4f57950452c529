import type { DraftDiagnostic, Severity } from '../draft/diagnostic';
import { LineIndex } from '../text/lineColumn';
import { escapeTerminal } from './escape';
import { palette, truncate, type Palette } from './tty';

export interface CheckReportInput {
  /** The draft's path as the user gave it. */
  draftPath: string;
  draftText: string;
  diagnostics: DraftDiagnostic[];
  /** Decoded text of each source by id, for the line and column of evidence. */
  sourceText: (id: string) => string | undefined;
  /** Path of each source by id, so a terminal can open it. */
  sourcePath: (id: string) => string;
}

/**
 * The terminal report of `corroborate check`: one line per diagnostic in the linters'
 * `path:line:col severity kind message` shape (terminals and editors link it), then the
 * evidence in the sources and the fix. Draft and source text are made safe to print.
 */
export function renderCheckTerminal(input: CheckReportInput, opts: { color: boolean; width?: number }): string {
  const p = palette(opts.color);
  const width = Math.max(60, opts.width ?? 100);
  const draftLines = new LineIndex(input.draftText);
  const sourceLines = new Map<string, LineIndex>();
  const lines: string[] = [];
  for (const d of input.diagnostics) {
    const at = draftLines.at(d.start);
    lines.push(`${p.bold(`${input.draftPath}:${at.line}:${at.column}`)} ${paint(p, d.severity)(d.severity)} ${p.dim(d.kind)} ${escapeTerminal(d.message)}`);
    for (const e of d.evidence.slice(0, 4)) {
      const text = input.sourceText(e.source);
      let where = input.sourcePath(e.source);
      if (text !== undefined) {
        let index = sourceLines.get(e.source);
        if (!index) sourceLines.set(e.source, (index = new LineIndex(text)));
        const pos = index.at(e.start);
        where += `:${pos.line}:${pos.column}`;
      }
      lines.push(`    ${p.dim('source')} ${p.cyan(where)} ${truncate(`“${escapeTerminal(e.text)}”`, width - 12)}`);
    }
    if (d.evidence.length > 4) lines.push(p.dim(`    … and ${d.evidence.length - 4} more`));
    const fix = describeFix(d, input.draftText, draftLines);
    if (fix) lines.push(`    ${p.green('fix')} ${escapeTerminal(fix)}`);
  }
  lines.push(summary(input.diagnostics, p));
  return lines.join('\n') + '\n';
}

function paint(p: Palette, s: Severity): (t: string) => string {
  return s === 'error' ? p.red : s === 'warning' ? p.yellow : s === 'information' ? p.cyan : p.dim;
}

function describeFix(d: DraftDiagnostic, draft: string, lines: LineIndex): string | null {
  const edits = d.fixes ?? (d.fix ? [d.fix] : []);
  if (!edits.length) return null;
  const parts = edits.map((e) => {
    const at = lines.at(e.start);
    const old = draft.slice(e.start, e.end);
    const added = truncate(e.newText.trim(), 80);
    if (!old) return `insert “${added}” at ${at.line}:${at.column}`;
    if (!e.newText) return `delete “${old}” at ${at.line}:${at.column}`;
    return `replace “${old}” with “${added}”`;
  });
  return `${d.fixTitle ? `${d.fixTitle}: ` : ''}${parts.join('; ')}`;
}

function summary(ds: DraftDiagnostic[], p: Palette): string {
  if (!ds.length) return p.green('No problems found.');
  const count = (s: Severity) => ds.filter((d) => d.severity === s).length;
  const parts = [
    [count('error'), 'error', 'errors'],
    [count('warning'), 'warning', 'warnings'],
    [count('information'), 'information', 'information'],
    [count('hint'), 'hint', 'hints'],
  ] as const;
  return `\n${parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ')}`;
}
