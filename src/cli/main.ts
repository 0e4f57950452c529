import { writeFile } from 'node:fs/promises';
import { EXIT, type Io } from './io';
import { parseArgs, type CompareArgs } from './args';
import { compareAnalysed } from '../core/compare/sourceAnalysis';
import { readSourceSet } from './sourceSet';
import { check } from './check';
import { cite } from './cite';
import type { CompareResult } from '../core/result';
import { renderTerminal } from '../core/report/terminal';
import { renderMarkdown } from '../core/report/markdown';
import { renderHtml } from '../core/report/html';
import { renderJson } from '../core/report/json';

declare const CORROBORATE_VERSION: string | undefined;

export { EXIT, type Io } from './io';

export async function main(argv: string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.command) {
    case 'help':
      io.stdout(parsed.usage);
      return EXIT.ok;
    case 'version':
      io.stdout(`${typeof CORROBORATE_VERSION === 'string' ? CORROBORATE_VERSION : 'dev'}\n`);
      return EXIT.ok;
    case 'error':
      io.stderr(`corroborate: ${parsed.message}\n\n${parsed.usage}`);
      return EXIT.usage;
    case 'check':
      return check(parsed, io);
    case 'cite':
      return cite(parsed, io);
    default:
      return compare(parsed, io);
  }
}

async function compare(args: CompareArgs, io: Io): Promise<number> {
  const { analyses, problems } = await readSourceSet(args.paths, args.maxBytes, io);
  if (analyses.length < 2) {
    io.stderr(`corroborate: ${analyses.length === 0 ? 'no readable sources' : 'only one readable source'}; at least two are needed to compare\n`);
    return EXIT.nothingToCompare;
  }
  const result = compareAnalysed(analyses, problems);
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
