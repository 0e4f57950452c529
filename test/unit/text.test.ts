import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairText } from '../../src/core/text/repair';
import { splitSentences } from '../../src/core/text/sentences';
import { splitBlocks } from '../../src/core/text/blocks';
import { fold } from '../../src/core/text/fold';
import { wordKey } from '../../src/core/text/words';
import { docFromText, seedDoc } from '../helpers';

const sentencesOf = (text: string) => {
  const blocks = splitBlocks(text);
  return splitSentences(text, blocks).map((r) => text.slice(r.start, r.end));
};

test('repair: a ? glued between words is a damaged space, mapped back to the ?', () => {
  const input = 'Russia?on Thursday vetoed a resolution to renew?an independent panel,”?Wood said.';
  const r = repairText(input);
  assert.equal(r.text, 'Russia on Thursday vetoed a resolution to renew an independent panel,” Wood said.');
  assert.equal(r.damagedSpaces, 3);
  const at = r.text.indexOf(' on');
  assert.equal(input[r.map[at]], '?');
});

test('repair: real question marks and URLs keep their ?', () => {
  for (const s of ['Why? Because.', 'Was it “true?” she asked.', 'See https://example.com/page?id=3 now', 'What?']) {
    assert.equal(repairText(s).text, s);
  }
});

test('repair: NBSP, CRLF, zero-width and NFC, with an offset map into the input', () => {
  const input = 'Caf\u0065\u0301\u00a0au\r\nlait\u200b.';
  const r = repairText(input);
  assert.equal(r.text, 'Café au\nlait.');
  assert.equal(r.map.length, r.text.length + 1);
  assert.equal(input[r.map[r.text.indexOf('l')]], 'l');
  assert.equal(r.map[r.text.length], input.length);
});

test('sentences survive abbreviations, initials and dotted acronyms', () => {
  assert.deepEqual(sentencesOf('The White House announced on Oct. 13 that the U.S. had won. Mr. Smith and J. R. Doe agreed.'), [
    'The White House announced on Oct. 13 that the U.S. had won.',
    'Mr. Smith and J. R. Doe agreed.',
  ]);
  assert.deepEqual(sentencesOf('The move came from the U.N. The council was split.'), ['The move came from the U.N.', 'The council was split.']);
  assert.deepEqual(sentencesOf('It rose 3.5 per cent. Prices fell.'), ['It rose 3.5 per cent.', 'Prices fell.']);
});

test('sentences end after closing quotes and keep quoted sentences whole when glued to attribution', () => {
  assert.deepEqual(sentencesOf('Kuleba called the veto "a guilty plea." Others agreed.'), ['Kuleba called the veto "a guilty plea."', 'Others agreed.']);
  assert.deepEqual(sentencesOf('“We will act,” she said. “Soon.”'), ['“We will act,” she said.', '“Soon.”']);
});

test('sentences: paragraphs always split, and a full stop glued to a capitalised word splits', () => {
  assert.deepEqual(sentencesOf('First line without stop\nSecond line.'), ['First line without stop', 'Second line.']);
  assert.deepEqual(sentencesOf('We sent you an email.Russia uses veto'), ['We sent you an email.', 'Russia uses veto']);
});

test('blocks: hard-wrapped text is read as paragraphs separated by blank lines', () => {
  const text = ['The council met on Thursday and', 'voted on the resolution that would', 'renew the panel of experts for', 'another year.', '', 'Russia vetoed it, and China', 'abstained from the vote in the', 'fifteen-member council today.'].join('\n');
  const blocks = splitBlocks(text);
  assert.equal(blocks.length, 2);
});

test('fold makes curly and straight quotes, dashes and case equal without changing length', () => {
  const s = '“It’s — Done”';
  assert.equal(fold(s), '"it\'s - done"');
  assert.equal(fold(s).length, s.length);
});

test('word keys: British and American spellings, demonyms and dotted acronyms meet', () => {
  assert.equal(wordKey('programmes'), wordKey('programs'));
  assert.equal(wordKey('favour'), wordKey('favor'));
  assert.equal(wordKey('Ukrainian'), wordKey('Ukraine'));
  assert.equal(wordKey('Korean'), wordKey('Korea'));
  assert.equal(wordKey('U.N.'), wordKey('UN'));
  assert.equal(wordKey('Russia’s'), wordKey('Russia'));
});

test('every seed reads into sentences whose offsets map into the file', () => {
  for (const p of ['000', '001', '002', '003', '004']) {
    const doc = seedDoc(p);
    assert.ok(doc.sentences.length > 10, p);
    for (const s of doc.sentences) {
      const a = doc.normToRaw[s.start];
      assert.equal(doc.raw[a].replace('?', ' ').replace('\u00a0', ' '), doc.norm[s.start]);
    }
  }
  assert.ok(seedDoc('003').notes.some((n) => n.includes('damaged spaces')));
});

test('a doc made of empty lines has no sentences', () => {
  assert.equal(docFromText('\n\n  \n').sentences.length, 0);
});
