import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draft, fixture, seeds } from './draftHelpers';
import { SourceIndex } from '../../src/core/draft/sourceIndex';
import { checkDraft } from '../../src/core/draft/checkDraft';
import { forgetDraftParses, parseDraftMarkdown } from '../../src/core/draft/incrementalMarkdown';
import { parseMarkdown } from '../../src/core/sources/markdown';
import { prepareDoc } from '../../src/core/sources/prepare';
import { readPlainText } from '../../src/core/sources/plainText';
import { generateReports, rng } from '../../scripts/bench/corpus';
import { editOneWord, makeDraft } from '../../scripts/bench/draft';

/**
 * Re-checking an edited draft reuses what did not change (the parse of the other blocks,
 * and per-sentence results kept by content). These tests hold it to the full computation:
 * on random edits of every kind, the tree is the one a full parse gives and the
 * diagnostics are those of a check with nothing cached.
 */

/** Edits a person makes: a word changed, a letter deleted, markup typed that changes the blocks. */
const INSERTS = ['\n\n', '- ', '1. ', '```\n', '# ', '\n===\n', '[^kyiv]', '[^new]: A note.\n\n', '> ', '<div>', '|---|\n', '    ', '"', '“', 'x', ' ', '.', '*', '[link](http://a.b)'];

function randomEdit(text: string, r: () => number): string {
  const roll = r();
  if (roll < 0.5) return editOneWord(text, r);
  const at = Math.floor(r() * text.length);
  if (roll < 0.7) return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 3));
  return text.slice(0, at) + INSERTS[Math.floor(r() * INSERTS.length)] + text.slice(at);
}

function treeOf(parsed: ReturnType<typeof parseMarkdown>): string {
  return JSON.stringify(parsed.tree);
}

test('a draft re-parsed after an edit has the tree a full parse gives, whatever the edit', () => {
  const r = rng(5);
  const corpus = generateReports(20).map((x) => ({ name: x.name, text: x.text }));
  const drafts = [fixture('veto-draft.md'), fixture('quake-draft.md'), makeDraft(corpus, 1200, 3)];
  let reused = 0;
  drafts.forEach((start, n) => {
    const id = `draft-${n}.md`;
    forgetDraftParses(id);
    let text = start;
    let previous = parseDraftMarkdown(id, text).tree;
    for (let i = 0; i < 150; i++) {
      text = randomEdit(text, r);
      const full = parseMarkdown(text);
      const incremental = parseDraftMarkdown(id, text);
      assert.equal(treeOf(incremental), treeOf(full), `draft ${n}, edit ${i}`);
      assert.equal(incremental.bodyStart, full.bodyStart);
      assert.deepEqual(incremental.meta, full.meta);
      // The same tree object, updated in place: only the edited block was parsed again.
      if (incremental.tree === previous) reused++;
      previous = incremental.tree;
    }
  });
  assert.ok(reused > 150, `re-parsed incrementally: ${reused} of 450`);
});

test('re-checks of an edited draft give the diagnostics of a check with nothing cached', () => {
  const r = rng(9);
  const index = seeds();
  let text = fixture('veto-draft.md');
  for (let i = 0; i < 25; i++) {
    text = randomEdit(text, r);
    const input = { id: 'veto-draft.md', text, kind: 'markdown' as const };
    const warm = checkDraft(input, index);
    // A new index over the same analysis starts with empty caches; another id, a full parse.
    const cold = checkDraft({ ...input, id: `cold-${i}.md` }, new SourceIndex(index.analysis));
    assert.deepStrictEqual(warm, cold, `edit ${i}`);
  }
});

test('the same holds for a long draft against the benchmark corpus', () => {
  const reports = generateReports(30);
  const docs = reports.map((x) => prepareDoc(x.name, x.name, readPlainText(x.text)));
  const index = SourceIndex.fromDocs(docs);
  const r = rng(13);
  let text = makeDraft(reports, 1500, 4);
  for (let i = 0; i < 15; i++) {
    text = randomEdit(text, r);
    const input = { id: 'long.md', text, kind: 'markdown' as const };
    assert.deepStrictEqual(checkDraft(input, index), checkDraft({ ...input, id: `long-cold-${i}.md` }, new SourceIndex(index.analysis)), `edit ${i}`);
  }
});

test('plain-text drafts and the seed draft still check as before', () => {
  const md = draft('veto-draft.md');
  assert.deepStrictEqual(checkDraft(md, seeds()), checkDraft({ ...md, id: 'other.md' }, new SourceIndex(seeds().analysis)));
  const txt = { id: 'd.txt', text: readFileSync(join(__dirname, '..', 'fixtures', 'drafts', 'quake-draft.md'), 'utf8'), kind: 'text' as const };
  assert.deepStrictEqual(checkDraft(txt, seeds()), checkDraft(txt, new SourceIndex(seeds().analysis)));
});
