import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchQuotes, quoteWordDiff, quoteWords } from '../../src/core/extract/quoteMatch';

test('trailing punctuation, case, quote marks and dashes do not matter', () => {
  assert.deepEqual(matchQuotes('a guilty plea.', 'a guilty plea'), { relation: 'verbatim', score: 1 });
  assert.equal(matchQuotes('Today’s vote — a farce', "today's vote - a farce!").relation, 'verbatim');
  assert.equal(matchQuotes('Kim Jong-un', 'Kim Jong Un').relation, 'verbatim');
  assert.equal(matchQuotes('détente', 'detente').relation, 'verbatim');
});

test('one quote inside the other is contained', () => {
  const m = matchQuotes('irresponsible decision', 'irresponsible.');
  assert.equal(m.relation, 'contained');
  assert.equal(m.score, 0.5);
  assert.equal(matchQuotes('guilty plea', 'a guilty plea.').relation, 'contained');
  assert.equal(matchQuotes('a guilty plea', 'guilty').relation, 'contained');
});

test('a few words changed is reworded, with a word-level score', () => {
  const m = matchQuotes(
    'Russia’s actions today have cynically undermined international peace and security',
    'Russia’s actions have undermined international peace and security',
  );
  assert.equal(m.relation, 'reworded');
  assert.ok(m.score > 0.8 && m.score < 1, String(m.score));
  const swapped = matchQuotes('we will never silence those in favor', 'we will never silence the people in favor');
  assert.equal(swapped.relation, 'reworded');
});

test('unrelated quotes are different', () => {
  const m = matchQuotes('a guilty plea', 'irresponsible decision');
  assert.equal(m.relation, 'different');
  assert.equal(m.score, 0);
  assert.equal(matchQuotes('deeply concerning', 'very concerning').relation, 'different');
  assert.equal(matchQuotes('', 'anything').relation, 'different');
});

test('quoteWords folds and drops punctuation', () => {
  assert.deepEqual(quoteWords('“Today’s vote,” — a CCTV!'), ["today's", 'vote', 'a', 'cctv']);
});

test('quoteWordDiff marks changed words and keeps the text as written', () => {
  const a = 'Russia’s actions today have cynically undermined peace.';
  const b = "Russia's actions have undermined peace";
  const parts = quoteWordDiff(a, b);
  assert.deepEqual(parts, [
    { value: 'Russia’s actions ' },
    { value: 'today ', removed: true },
    { value: 'have ' },
    { value: 'cynically ', removed: true },
    { value: 'undermined peace.' },
  ]);
  assert.equal(parts.filter((p) => !p.added).map((p) => p.value).join(''), a);
});

test('quoteWordDiff shows added and removed words', () => {
  const parts = quoteWordDiff('irresponsible decision', 'irresponsible.');
  assert.deepEqual(parts, [{ value: 'irresponsible ' }, { value: 'decision', removed: true }]);
  const swap = quoteWordDiff('the vote was a farce', 'the vote was a disgrace');
  assert.deepEqual(swap.filter((p) => p.added || p.removed), [
    { value: 'farce', removed: true },
    { value: 'disgrace', added: true },
  ]);
  assert.deepEqual(quoteWordDiff('', ''), []);
});
