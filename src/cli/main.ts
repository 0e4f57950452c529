import { writeFile } from 'node:fs/promises';
import { collectSourceFiles, loadSources } from './collect';
import { parseArgs, USAGE, type CompareArgs } from './args';
import { compareSources, type SourceInput } from '../core/compare/compareSources';
import type { CompareResult } from '../core/result';
import { renderTerminal } from '../core/report/terminal';
import { renderMarkdown } from '../core/report/markdown';
import { renderHtml } from '../core/report/html';
import { renderJson } from '../core/report/json';

declare const CORROBORATE_VERSION: string | undefined;

export const EXIT = { ok: 0, differences: 1, usage: 2, someUnreadable: 3, nothingToCompare: 4, internal: 5 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  columns?: number;
  env: Record<string, string | undefined>;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.command) {
    case 'help':
      io.stdout(USAGE);
      return EXIT.ok;
    case 'version':
      io.stdout(`${typeof CORROBORATE_VERSION === 'string' ? CORROBORATE_VERSION : 'dev'}\n`);
      return EXIT.ok;
    case 'error':
      io.stderr(`corroborate: ${parsed.message}\n\n${USAGE}`);
      return EXIT.usage;
    default:
      return compare(parsed, io);
  }
}

async function compare(args: CompareArgs, io: Io): Promise<number> {
  const { files, problems } = await collectSourceFiles(args.paths);
  const loaded = await loadSources(files, args.maxBytes);
  const inputs: SourceInput[] = [];
  for (const l of loaded) {
    if (l.ok) inputs.push({ id: l.id, path: l.path, read: l.read });
    else problems.push({ path: l.path, reason: l.reason, message: l.message });
  }
  for (const p of problems) io.stderr(`corroborate: ${p.path}: ${p.message} — skipped\n`);
  if (inputs.length < 2) {
    io.stderr(`corroborate: ${inputs.length === 0 ? 'no readable sources' : 'only one readable source'}; at least two are needed to compare\n`);
    return EXIT.nothingToCompare;
  }
  const result = compareSources(inputs, problems);
  await emit(result, args, io);
  if (problems.length > 0) return EXIT.someUnreadable;
  if (args.strict && result.findings.some((f) => f.verdict === 'differ')) return EXIT.differences;
  return EXIT.ok;
}

async function emit(result: CompareResult, args: CompareArgs, io: Io): Promise<void> {
  let text: string;
  switch (args.format) {
    case 'json':
      text = renderJson(result);
      break;
    case 'markdown':
      text = renderMarkdown(result);
      break;
    case 'html':
      text = renderHtml(result);
      break;
    default: {
      const color = args.color ?? (io.isTTY && !io.env.NO_COLOR);
      text = renderTerminal(result, { color, width: io.columns, limit: args.all ? Infinity : undefined });
    }
  }
  if (args.output) {
    await writeFile(args.output, text, 'utf8');
    io.stderr(`corroborate: wrote ${args.output}\n`);
  } else io.stdout(text);
}
