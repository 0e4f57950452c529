import fc from 'fast-check';
import { PROPERTIES, propertyOf } from '../test/fuzz/properties';

/**
 * `npm run fuzz`: the engine's properties (test/fuzz/properties.ts) with many more cases than
 * `npm test` runs, from a random seed that is printed so that a failure can be replayed:
 *
 *   npm run fuzz                                   # 200,000 cases, shared out by the CI proportions
 *   npm run fuzz -- --runs 1000000 --minutes 30    # stop at whichever comes first
 *   npm run fuzz -- --only pipeline                # the properties whose name contains "pipeline"
 *   npm run fuzz -- --only pipeline --seed 42 --path "17:3:0"   # replay a counterexample
 */
interface Options {
  runs: number;
  minutes: number;
  seed: number;
  path?: string;
  only?: string;
}

function parse(argv: string[]): Options {
  const opts: Options = { runs: Number(process.env.FUZZ_RUNS ?? 200_000), minutes: Infinity, seed: Math.floor(Math.random() * 0x7fffffff) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--runs') (opts.runs = Number(v)), i++;
    else if (a === '--minutes') (opts.minutes = Number(v)), i++;
    else if (a === '--seed') (opts.seed = Number(v)), i++;
    else if (a === '--path') (opts.path = v), i++;
    else if (a === '--only') (opts.only = v), i++;
    else throw new Error(`unknown option ${a} (options: --runs N, --minutes M, --seed N, --path P, --only TEXT)`);
  }
  if (!Number.isFinite(opts.runs) || opts.runs < 1 || !Number.isInteger(opts.seed)) throw new Error('--runs and --seed take numbers');
  return opts;
}

function main(): number {
  const opts = parse(process.argv.slice(2));
  const chosen = PROPERTIES.filter((p) => !opts.only || p.name.includes(opts.only));
  if (chosen.length === 0) throw new Error(`no property matches "${opts.only}"`);
  const ciTotal = chosen.reduce((n, p) => n + p.ciRuns, 0);
  const deadline = Date.now() + opts.minutes * 60_000;
  console.log(`corroborate fuzz: seed ${opts.seed}, up to ${opts.runs.toLocaleString('en-US')} cases${Number.isFinite(opts.minutes) ? ` or ${opts.minutes} min` : ''}`);
  let total = 0;
  let failed = 0;
  for (const p of chosen) {
    const runs = Math.max(1, Math.round((opts.runs * p.ciRuns) / ciTotal));
    // Each property gets its share of the time left, so that a slow one cannot starve the rest.
    const left = chosen.length - chosen.indexOf(p);
    const budget = Number.isFinite(opts.minutes) ? Math.max(1000, (deadline - Date.now()) / left) : undefined;
    const started = Date.now();
    // The slowest case is reported (not failed: timings on a shared machine say little), so
    // that an input the engine handles in quadratic time shows up.
    let slowest = { ms: 0, input: '' };
    const timed = (f: (input: unknown) => void) => (input: unknown) => {
      const t0 = performance.now();
      try {
        f(input);
      } finally {
        const ms = performance.now() - t0;
        if (ms > slowest.ms) slowest = { ms, input: describe(input) };
      }
    };
    const details = fc.check(propertyOf(p, timed), { numRuns: runs, seed: opts.seed, ...(opts.path ? { path: opts.path } : {}), ...(budget ? { interruptAfterTimeLimit: budget, markInterruptAsFailure: false } : {}) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    total += details.numRuns;
    if (details.failed) {
      failed++;
      console.log(`FAIL ${p.name}\n  after ${details.numRuns} cases (${seconds} s)`);
      console.log(fc.defaultReportMessage(details));
      console.log(details.errorInstance instanceof Error ? details.errorInstance.stack : String(details.errorInstance));
      console.log(`  replay: npm run fuzz -- --only ${JSON.stringify(p.name.split(':')[0])} --seed ${details.seed} --path ${JSON.stringify(details.counterexamplePath)} --runs 1\n`);
    } else {
      console.log(`ok   ${p.name}\n  ${details.numRuns.toLocaleString('en-US')} cases in ${seconds} s${details.interrupted ? ' (time limit)' : ''}`);
    }
    console.log(`  slowest case ${(slowest.ms / 1000).toFixed(2)} s: ${slowest.input}`);
  }
  console.log(`${total.toLocaleString('en-US')} cases, ${failed} propert${failed === 1 ? 'y' : 'ies'} failed (seed ${opts.seed})`);
  return failed ? 1 : 0;
}

/** A short description of an input: its shape, with long strings cut. */
function describe(input: unknown): string {
  const text = JSON.stringify(input, (_k, v: unknown) => {
    if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 40)}… (${v.length} chars)`;
    if (v instanceof Uint8Array) return `<${v.length} bytes>`;
    return v;
  });
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

process.exitCode = main();
