import { test } from 'node:test';
import fc from 'fast-check';
import { CI_CASES, PROPERTIES, propertyOf } from './properties';

/**
 * Issue 6, "the engine survives anything": the properties of test/fuzz/properties.ts with a
 * fixed seed and fixed case counts, so that `npm test` is repeatable. A failure prints the
 * seed and path; replay it with `npm run fuzz -- --only "<name>" --seed N --path P`.
 * `npm run fuzz` runs the same properties with a random seed and many more cases.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20240307);

test(`engine properties: ${CI_CASES.toLocaleString('en-US')} cases, seed ${SEED}`, async (t) => {
  for (const p of PROPERTIES) {
    await t.test(`${p.name} (${p.ciRuns} cases)`, () => {
      fc.assert(propertyOf(p), { numRuns: p.ciRuns, seed: SEED });
    });
  }
});
