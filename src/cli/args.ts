/** Command-line arguments of `corroborate`, parsed without a library: the grammar is small. */

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

export type Parsed = CompareArgs | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage: corroborate compare <files or folders…> [options]

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
  --max-size MB        refuse sources larger than this (default 50)
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

export function parseArgs(argv: string[]): Parsed {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] !== 'compare') return { command: 'error', message: `unknown command "${argv[0]}"` };
  const out: CompareArgs = { command: 'compare', paths: [], format: 'terminal', output: null, all: false, color: null, strict: false, maxBytes: 50 * 1024 * 1024 };
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
        if (!file) return { command: 'error', message: '--html needs a file name' };
        out.format = 'html';
        out.output = file;
        break;
      }
      case '-o':
      case '--output': {
        const file = value();
        if (!file) return { command: 'error', message: `${a} needs a file name` };
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
        const mb = Number(value());
        if (!Number.isFinite(mb) || mb <= 0) return { command: 'error', message: '--max-size needs a size in MB' };
        out.maxBytes = Math.round(mb * 1024 * 1024);
        break;
      }
      case '-h':
      case '--help':
        return { command: 'help' };
      default:
        if (a.startsWith('-') && a !== '-') return { command: 'error', message: `unknown option "${a}"` };
        out.paths.push(a);
    }
  }
  if (out.paths.length === 0) return { command: 'error', message: 'give the files or folders to compare' };
  return out;
}
