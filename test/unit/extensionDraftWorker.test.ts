import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EngineClient } from '../../src/extension/worker/engineClient';
import type { IndexRef, SourceJob } from '../../src/extension/worker/messages';
import { checkDraft } from '../../src/core/draft/checkDraft';
import { SEEDS_DIR } from '../helpers';
import { draft, seeds } from './draftHelpers';

const WORKER = join(__dirname, '..', '..', 'dist', 'engineWorker.js');
const skip = !existsSync(WORKER) && 'not built';

function job(): SourceJob {
  return { files: readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f)), overrides: {}, maxBytes: 50 * 1024 * 1024 };
}

test('the worker checks drafts against the index kept from the comparison, as checkDraft does (dist/engineWorker.js)', { skip }, async () => {
  const engine = new EngineClient(WORKER);
  try {
    const index: IndexRef = { key: 1, job: job() };
    const compared = await engine.request({ type: 'compare', indexKey: 1, ...index.job });
    assert.equal(compared.type, 'model');
    const input = draft('veto-draft.md');
    const res = await engine.request({ type: 'checkDraft', index, draft: input, version: 7, options: { confirmations: true } });
    assert.equal(res.type, 'draftChecked');
    if (res.type !== 'draftChecked') return;
    assert.equal(res.version, 7, 'the answer names the version it was computed for');
    assert.deepEqual(res.diagnostics, checkDraft(input, seeds(), { confirmations: true }), 'the same results as the engine on its own');
    assert.ok(res.diagnostics.some((d) => d.kind === 'name' && d.text === 'Woodard'));

    // A terminated worker (a cancelled comparison) loses the index; the next request rebuilds it from the job.
    engine.terminate();
    const again = await engine.request({ type: 'checkDraft', index, draft: input, version: 8, options: { confirmations: true } });
    assert.equal(again.type === 'draftChecked' && again.diagnostics.length, res.diagnostics.length);
  } finally {
    engine.dispose();
  }
});

test('the worker ranks passages for Insert Citation and plans citations with the source details of the index', { skip }, async () => {
  const engine = new EngineClient(WORKER);
  try {
    const files = job().files;
    const index: IndexRef = { key: 3, job: { ...job(), overrides: { [files[0]]: { outlet: 'The Kyiv Independent', date: '2024-03-28' } } } };
    await engine.request({ type: 'compare', indexKey: 3, ...index.job });
    const input = draft('veto-draft.md');
    const at = input.text.indexOf('The move sparked');
    const ranked = await engine.request({ type: 'rankPassages', index, draft: input, at, limit: 5 });
    assert.equal(ranked.type, 'passages');
    if (ranked.type !== 'passages') return;
    assert.ok(ranked.sentence && input.text.slice(ranked.sentence.start, ranked.sentence.end).startsWith('The move sparked'));
    assert.ok(ranked.passages.length > 0);
    const best = ranked.passages[0];
    assert.ok(best.text.includes('sparked condemnations'), best.text);
    assert.equal(ranked.sources.length, 5);
    const planned = await engine.request({ type: 'planCitation', index, draft: input, at, source: files[0].replace(/^.*\//, ''), passage: best.text, style: 'footnote', bibliography: [] });
    assert.equal(planned.type, 'citationPlan');
    if (planned.type !== 'citationPlan') return;
    assert.equal(planned.plan.key, 'kyiv-independent-2024', 'Edit Source Details reaches the citation');
    const all = await engine.request({ type: 'citeVerifiedQuotes', index, draft: input, style: 'pandoc', bibliography: [] });
    assert.equal(all.type, 'citationsPlan');
    if (all.type !== 'citationsPlan') return;
    assert.ok(all.quotes >= 3, `confirmed quotes: ${all.quotes}`);
    assert.ok(all.plan.edits.length > 0);
    assert.ok(all.plan.bibliographyEntries.length > 0);
  } finally {
    engine.dispose();
  }
});
