import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runEval } from './runEval';
import { FLOORS } from './score';

test('accuracy on the seeds stays above the floors of the engine issue', async () => {
  const { report } = await runEval();
  for (const s of report.scores) {
    const floor = FLOORS[s.name];
    if (floor === undefined) continue;
    assert.ok(s.share >= floor, `${s.name}: ${s.linked}/${s.total} below ${floor}\n${s.misses.join('\n')}`);
  }
  assert.ok(report.duplicatesFound, 'the duplicate is found');
  assert.deepEqual(report.wrongMerges, [], 'no wrong merges');
  assert.deepEqual(report.boilerplateFigures, [], 'no figure from boilerplate in any finding');
  assert.equal(report.spanErrors, 0, 'every span is an exact slice');
});
