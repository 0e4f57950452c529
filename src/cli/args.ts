/** Command-line arguments of `corroborate`, parsed without a library: the grammar is small. */
import type { Severity } from '../core/draft/diagnostic';
import { CITATION_STYLES, isCitationStyle, type CitationStyle } from '../core/cite/citationStyle';
import { DEFAULT_MAX_SOURCE_MB } from '../core/sources/sizeLimit';

export type Format = 'terminal' | 'json' | 'markdown' | 'html';

export interface CompareArgs {
  command: 'compare';
  paths: string[];
  format: Format;
  /** For --html FILE (and optionally --markdown/--json with --output FILE). */
  output: string | null;
  all: boolean;
  color: boolean | null;
  strict: boolean;
  maxBytes: number;
}

/** How to read a draft: by its extension, or as forced with --markdown / --text. */
export type DraftKindOption = 'auto' | 'markdown' | 'text';

export interface CheckArgs {
  command: 'check';
  draft: string;
  sources: string[];
  json: boolean;
  /** Exit 1 when a diagnostic is at least this severe; null for never (--fail-on none). */
  failOn: Severity | null;
  kind: DraftKindOption;
  style: CitationStyle;
  color: boolean | null;
  maxBytes: number;
}

export interface CiteArgs {
  command: 'cite';
  draft: string;
  sources: string[];
  line: number;
  /** 1-based column on the line; null for the line's first sentence. */
  column: number | null;
  style: CitationStyle;
  /** Cite this source (id, file name or path) rather than the best-supporting one. */
  source: string | null;
  write: boolean;
  bibliography: string | null;
  kind: DraftKindOption;
  maxBytes: number;
}

export type Parsed =
  | CompareArgs
  | CheckArgs
  | CiteArgs
  | { command: 'help'; usage: string }
  | { command: 'version' }
  | { command: 'error'; message: string; usage: string };

export const USAGE = `Usage: corroborate <command> …

Commands:
  compare <files or folders…>                    where sources agree or differ
  check <draft> --sources <files or folders…>    check a draft against the sources
  cite <draft> --sources <…> --line N            cite a source after a sentence of the draft

Run "corroborate <command> --help" for the options of a command.
`;

export const COMPARE_USAGE = `Usage: corroborate compare <files or folders…> [options]

Lines up articles about one event and reports where they agree or differ on
figures, names and quotes, and which sources are copies of each other.

Options:
  --json               print the result as JSON (the machine-readable contract)
  --markdown           print a Markdown report
  --html FILE          write a standalone HTML report to FILE
  -o, --output FILE    write the JSON or Markdown output to FILE instead of stdout
  --all                show every agreement and passage, not only the first ones
  --color / --no-color force colours on or off (default: on for a terminal, off if NO_COLOR)
  --strict             exit with 1 when the sources differ anywhere
  --max-size MB        refuse sources larger than this (default 10)
  -h, --help           show this help
  -v, --version        show the version

Exit codes:
  0  every source was read and compared
  1  --strict and the sources differ on at least one figure, name or quote
  2  wrong usage
  3  some sources could not be read (each is named on stderr); the rest were compared
  4  fewer than two sources could be read: nothing to compare
  5  internal error
`;

export const CHECK_USAGE = `Usage: corroborate check <draft> --sources <files or folders…> [options]

Checks a draft's quotations, figures and names against the sources, and finds
sentences that closely follow a source without citing one. The draft is only read.

Options:
  -s, --sources …      the source files and folders (the draft is left out of them)
  --json               print { "version": 1, "diagnostics": [...] } (offsets into the draft)
  --fail-on LEVEL      exit 1 on a diagnostic at LEVEL or above: error, warning (default),
                       information, hint, or none
  --markdown / --text  read the draft as Markdown or as plain text (default: by extension)
  --style STYLE        citation style of the "cite it" fixes: footnote (default), pandoc, link
  --color / --no-color force colours on or off (default: on for a terminal, off if NO_COLOR)
  --max-size MB        refuse sources larger than this (default 10)
  -h, --help           show this help

Exit codes:
  0  checked; nothing at or above --fail-on
  1  a diagnostic at or above --fail-on
  2  wrong usage
  3  some sources could not be read (each is named on stderr); the rest were used
  4  no source could be read, or the draft could not be read
  5  internal error
`;

export const CITE_USAGE = `Usage: corroborate cite <draft> --sources <files or folders…> --line N[:COL] [options]

Cites the source passage that best supports the sentence at line N (column COL,
default the first sentence on the line) and prints the edit as a unified diff.

Options:
  -s, --sources …      the source files and folders
  --line N[:COL]       the sentence to cite (1-based line and column)
  --style STYLE        footnote (default): [^key] and a definition at the end of the draft;
                       pandoc: [@key] and a CSL-JSON entry; link: an inline link
  --source ID          cite this source (file name or path) instead of the best match
  --bibliography FILE  pandoc: the CSL-JSON bibliography to reuse keys from and add to
  --write              apply the edit to the draft (and the bibliography); sources are never written
  --markdown / --text  read the draft as Markdown or as plain text (default: by extension)
  --max-size MB        refuse sources larger than this (default 10)
  -h, --help           show this help

Exit codes:
  0  planned (or written)
  1  no source passage supports the sentence (or it already cites the source)
  2  wrong usage
  3  some sources could not be read; the rest were used
  4  no source could be read, or the draft could not be read
  5  internal error (or the draft changed while the edit was planned)
`;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
// One limit for the CLI and the extension's `corroborate.maxSourceSizeMB` (core/sources/sizeLimit.ts says why 10).
const DEFAULT_MAX = DEFAULT_MAX_SOURCE_MB * 1024 * 1024;

export function parseArgs(argv: string[]): Parsed {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help', usage: USAGE + '\n' + COMPARE_USAGE };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  switch (argv[0]) {
    case 'compare':
      return parseCompare(argv);
    case 'check':
      return parseDraftCommand(argv, 'check');
    case 'cite':
      return parseDraftCommand(argv, 'cite');
    default:
      return { command: 'error', message: `unknown command "${argv[0]}"`, usage: USAGE };
  }
}

function parseCompare(argv: string[]): Parsed {
  const error = (message: string): Parsed => ({ command: 'error', message, usage: COMPARE_USAGE });
  const out: CompareArgs = { command: 'compare', paths: [], format: 'terminal', output: null, all: false, color: null, strict: false, maxBytes: DEFAULT_MAX };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | null => (i + 1 < argv.length ? argv[++i] : null);
    switch (a) {
      case '--json':
        out.format = 'json';
        break;
      case '--markdown':
      case '--md':
        out.format = 'markdown';
        break;
      case '--html': {
        const file = value();
        if (!file) return error('--html needs a file name');
        out.format = 'html';
        out.output = file;
        break;
      }
      case '-o':
      case '--output': {
        const file = value();
        if (!file) return error(`${a} needs a file name`);
        out.output = file;
        break;
      }
      case '--all':
        out.all = true;
        break;
      case '--color':
      case '--colour':
        out.color = true;
        break;
      case '--no-color':
      case '--no-colour':
        out.color = false;
        break;
      case '--strict':
        out.strict = true;
        break;
      case '--max-size': {
        const bytes = megabytes(value());
        if (bytes === null) return error('--max-size needs a size in MB');
        out.maxBytes = bytes;
        break;
      }
      case '-h':
      case '--help':
        return { command: 'help', usage: COMPARE_USAGE };
      default:
        if (a.startsWith('-') && a !== '-') return error(`unknown option "${a}"`);
        out.paths.push(a);
    }
  }
  if (out.paths.length === 0) return error('give the files or folders to compare');
  return out;
}

/** `check` and `cite` share the draft, the sources and the reading options. */
function parseDraftCommand(argv: string[], command: 'check' | 'cite'): Parsed {
  const usage = command === 'check' ? CHECK_USAGE : CITE_USAGE;
  const error = (message: string): Parsed => ({ command: 'error', message, usage });
  const check: CheckArgs = { command: 'check', draft: '', sources: [], json: false, failOn: 'warning', kind: 'auto', style: 'footnote', color: null, maxBytes: DEFAULT_MAX };
  const cite: CiteArgs = { command: 'cite', draft: '', sources: [], line: 0, column: null, style: 'footnote', source: null, write: false, bibliography: null, kind: 'auto', maxBytes: DEFAULT_MAX };
  const positional: string[] = [];
  let inSources = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | null => (i + 1 < argv.length ? argv[++i] : null);
    if (!a.startsWith('-') || a === '-') {
      (inSources ? check.sources : positional).push(a);
      continue;
    }
    inSources = false;
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const inline = a.includes('=') ? a.slice(a.indexOf('=') + 1) : null;
    const arg = (): string | null => inline ?? value();
    switch (name) {
      case '-s':
      case '--sources':
        inSources = true;
        if (inline) check.sources.push(inline);
        break;
      case '--markdown':
      case '--md':
        check.kind = cite.kind = 'markdown';
        break;
      case '--text':
        check.kind = cite.kind = 'text';
        break;
      case '--style': {
        const style = arg();
        if (!isCitationStyle(style)) return error(`--style must be one of ${CITATION_STYLES.join(', ')}`);
        check.style = cite.style = style as CitationStyle;
        break;
      }
      case '--max-size': {
        const bytes = megabytes(arg());
        if (bytes === null) return error('--max-size needs a size in MB');
        check.maxBytes = cite.maxBytes = bytes;
        break;
      }
      case '-h':
      case '--help':
        return { command: 'help', usage };
      default: {
        const problem = command === 'check' ? checkOption(check, name, arg) : citeOption(cite, name, arg);
        if (problem) return error(problem);
      }
    }
  }
  if (positional.length === 0) return error('give the draft to check');
  if (positional.length > 1) return error(`one draft at a time (got ${positional.join(', ')}); put the sources after --sources`);
  if (check.sources.length === 0) return error('give the sources after --sources');
  if (command === 'check') return { ...check, draft: positional[0] };
  if (cite.line < 1) return error('give the sentence to cite with --line N');
  return { ...cite, draft: positional[0], sources: check.sources };
}

/** Options of `check` only; returns a problem or null. */
function checkOption(out: CheckArgs, name: string, arg: () => string | null): string | null {
  switch (name) {
    case '--json':
      out.json = true;
      return null;
    case '--fail-on': {
      const level = arg();
      if (level === 'none') out.failOn = null;
      else if (level && (SEVERITIES as readonly string[]).includes(level)) out.failOn = level as Severity;
      else return `--fail-on must be one of ${SEVERITIES.join(', ')} or none`;
      return null;
    }
    case '--color':
    case '--colour':
      out.color = true;
      return null;
    case '--no-color':
    case '--no-colour':
      out.color = false;
      return null;
    default:
      return `unknown option "${name}"`;
  }
}

/** Options of `cite` only; returns a problem or null. */
function citeOption(out: CiteArgs, name: string, arg: () => string | null): string | null {
  switch (name) {
    case '--line': {
      const m = (arg() ?? '').match(/^(\d+)(?::(\d+))?$/);
      if (!m || Number(m[1]) < 1 || (m[2] !== undefined && Number(m[2]) < 1)) return '--line needs a line number (N or N:COL, from 1)';
      out.line = Number(m[1]);
      out.column = m[2] === undefined ? null : Number(m[2]);
      return null;
    }
    case '--source': {
      const id = arg();
      if (!id) return '--source needs a source file name';
      out.source = id;
      return null;
    }
    case '--bibliography':
    case '--bib': {
      const file = arg();
      if (!file) return '--bibliography needs a file name';
      out.bibliography = file;
      return null;
    }
    case '--write':
      out.write = true;
      return null;
    default:
      return `unknown option "${name}"`;
  }
}

function megabytes(v: string | null): number | null {
  const mb = Number(v);
  return v !== null && Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : null;
}
