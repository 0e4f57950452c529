import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSources } from '../../src/core/compare/compareSources';
import { readPlainText } from '../../src/core/sources/plainText';
import { docFromText } from '../helpers';
import { extractFigures } from '../../src/core/extract/figures';

test('words that are names of Object methods are plain words to the figure reader', () => {
  // "constructor" once crashed the engine: word tables were plain objects, so the word
  // found Object.prototype.constructor instead of nothing.
  const text = 'The constructor built 5 houses in the valueOf district.\n\nA toString of hasOwnProperty said 7 people died, and __proto__ too.';
  const figures = extractFigures(docFromText(text));
  assert.deepEqual(figures.map((f) => f.text), ['5 houses', '7 people']);
  const sources = ['a.txt', 'b.txt'].map((id) => ({ id, path: id, read: readPlainText(text) }));
  assert.equal(compareSources(sources).sources.length, 2);
});
