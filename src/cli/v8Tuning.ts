import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by the CLI's entry point, so that it runs before any of the engine does.
 *
 * V8 optimises a function once it has used up an "interrupt budget" of executed bytecode;
 * the default (66 KB in Node 20's V8) suits long-lived pages and servers. A `corroborate`
 * run is short and runs much of its code only a few times per source: with the default, V8
 * spends a large part of the run optimising (and deoptimising) functions that then barely
 * run. With a budget of 1 MB, measured on the shared 2-core machine (CPU time, medians of
 * 15 / 3 / 2 runs): the seeds 325 → 255 ms, 100 reports 1.82 → 1.24 s, 500 reports
 * 6.4 → 5.1 s, output identical. The flag only changes when functions get optimised, never
 * what they compute. Only for the V8 it was measured on (Node 20): V8 prints an unknown
 * flag's error to stdout, which a later V8 without this flag would mix into `--json`.
 */
export const V8_TUNED = /^11\./.test(process.versions.v8);

if (V8_TUNED) {
  try {
    setFlagsFromString('--interrupt-budget=1048576');
  } catch {
    // A runtime that refuses the flag runs with V8's default: slower, same output.
  }
}
