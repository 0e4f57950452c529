import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planCitation, planCitations } from '../../src/core/cite/planCitation';
import { applyEdits, minimalEdit, type TextEdit } from '../../src/core/cite/textEdit';
import { validateCslItem } from '../../src/core/cite/cslJson';
import type { CitationSource } from '../../src/core/cite/citationSource';
import type { CitationStyle } from '../../src/core/cite/citationStyle';

const SOURCE: CitationSource = {
  id: 'wire.md',
  title: 'Magnitude 6.4 quake kills at least 38 in Valdera',
  outlet: 'Valdera Wire Service',
  url: 'https://valderawire.example/2031/04/quake-valdera',
  date: '2031-04-08',
  author: 'Ines Carvalho',
};
const PASSAGE = 'A magnitude 6.4 earthquake struck the coastal province of Valdera early on Tuesday, killing at least 38 people, officials said.';

/** A draft with everything GFM has that a careless rewrite would change. */
const RICH = [
  '---',
  'title: "Draft: Valdera"',
  '---',
  '',
  '# Valdera   counts *its* dead',
  '',
  'The quake killed at least 38 people, officials said. It struck  early on **Tuesday**.',
  '',
  '| Town  | Dead |',
  '|:------|-----:|',
  '| Maros |  38  |',
  '',
  'Some ~~old~~ new text, a <https://example.org/a_b> autolink and www.example.com too.',
  '',
  '* item one',
  '    * nested item with trailing spaces   ',
  '',
  '```js',
  'const quote = "not a quote"; // 2031',
  '```',
  '',
  '> A quoted line\\',
  '> with a hard break.',
  '',
  'Earlier claim.[^old]',
  '',
  '[^old]: An older note,',
  '    continued on an indented line.',
  '',
].join('\n');

/** Every edit is an insertion, and taking the inserted text out gives the draft back byte for byte. */
function assertOnlyInsertions(before: string, edits: TextEdit[]): string {
  assert.ok(edits.length > 0);
  for (const e of edits) assert.equal(e.start, e.end, 'an insertion, not a replacement');
  const after = applyEdits(before, edits);
  // Removing the insertions first to last, each sits at its own offset again.
  let restored = after;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    assert.equal(restored.slice(e.start, e.start + e.newText.length), e.newText);
    restored = restored.slice(0, e.start) + restored.slice(e.start + e.newText.length);
  }
  assert.equal(restored, before);
  return after;
}

test('footnote: [^key] after the full stop, the definition at the end; nothing else changes', () => {
  const at = RICH.indexOf('officials said.') + 3;
  const plan = planCitation({ draft: { id: 'd.md', text: RICH, kind: 'markdown' }, at, source: SOURCE, passage: PASSAGE });
  assert.equal(plan.key, 'valdera-wire-service-2031');
  assert.equal(plan.reused, false);
  const after = assertOnlyInsertions(RICH, plan.edits);
  assert.ok(after.includes('officials said.[^valdera-wire-service-2031] It struck'));
  assert.ok(after.endsWith('    continued on an indented line.\n[^valdera-wire-service-2031]: Valdera Wire Service, Ines Carvalho, “Magnitude 6.4 quake kills at least 38 in Valdera”, 2031-04-08, https://valderawire.example/2031/04/quake-valdera — “A magnitude 6.4 earthquake struck the coastal province of Valdera early on Tuesday, killing at least 38 people, officials said.”\n'));
  assert.deepEqual(plan.sentence, { start: RICH.indexOf('The quake killed'), end: RICH.indexOf('officials said.') + 'officials said.'.length });
});

test('every style inserts only its text into a draft with tables, strikethrough, autolinks, footnotes and code', () => {
  const at = RICH.indexOf('**Tuesday**');
  for (const style of ['footnote', 'pandoc', 'link'] as CitationStyle[]) {
    const plan = planCitation({ draft: { id: 'd.md', text: RICH, kind: 'markdown' }, at, source: SOURCE, passage: PASSAGE, style });
    const after = assertOnlyInsertions(RICH, plan.edits);
    if (style === 'footnote') assert.ok(after.includes('**Tuesday**.[^valdera-wire-service-2031]'));
    if (style === 'pandoc') assert.ok(after.includes('**Tuesday** [@valdera-wire-service-2031].'));
    if (style === 'link') assert.ok(after.includes('**Tuesday** ([Valdera Wire Service](https://valderawire.example/2031/04/quake-valdera)).'));
  }
});

test('a selection is cited after the sentence its end is in; a cursor after the full stop still cites that sentence', () => {
  const text = 'First claim here. Second claim there.\n';
  const draft = { id: 'd.md', text, kind: 'markdown' as const };
  const sel = planCitation({ draft, at: { start: 0, end: 5 }, source: SOURCE });
  assert.equal(applyEdits(text, sel.edits).split('\n')[0], 'First claim here.[^valdera-wire-service-2031] Second claim there.');
  const after = planCitation({ draft, at: text.indexOf('there.') + 6, source: SOURCE });
  assert.equal(applyEdits(text, after.edits).split('\n')[0], 'First claim here. Second claim there.[^valdera-wire-service-2031]');
});

test('footnote: an existing definition of the same source is reused; a taken key gets a suffix', () => {
  const text = 'A claim.[^w] Another claim.\n\n[^w]: Wire, https://valderawire.example/2031/04/quake-valdera/\n';
  const plan = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: text.indexOf('Another'), source: SOURCE });
  assert.equal(plan.reused, true);
  assert.equal(plan.key, 'w');
  assert.deepEqual(plan.edits, [{ start: text.indexOf('claim.\n') + 6, end: text.indexOf('claim.\n') + 6, newText: '[^w]' }]);
  const again = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 2, source: SOURCE });
  assert.deepEqual(again.edits, [], 'the sentence already cites it');

  const taken = 'Claim.\n\n[^valdera-wire-service-2031]: Something else entirely\n';
  const other = planCitation({ draft: { id: 'd.md', text: taken, kind: 'markdown' }, at: 0, source: SOURCE });
  assert.equal(other.key, 'valdera-wire-service-2031-2');
  const after = applyEdits(taken, other.edits);
  assert.ok(after.startsWith('Claim.[^valdera-wire-service-2031-2]\n'));
  assert.ok(after.endsWith('Something else entirely\n[^valdera-wire-service-2031-2]: Valdera Wire Service, Ines Carvalho, “Magnitude 6.4 quake kills at least 38 in Valdera”, 2031-04-08, https://valderawire.example/2031/04/quake-valdera\n'));
});

test('footnote markers already after a sentence stay first; line ends and a missing final newline are kept', () => {
  const text = 'Claim one.[^a]\r\n\r\n[^a]: A note.';
  const plan = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 0, source: SOURCE });
  assert.equal(applyEdits(text, plan.edits), `Claim one.[^a][^${plan.key}]\r\n\r\n[^a]: A note.\r\n[^${plan.key}]: Valdera Wire Service, Ines Carvalho, “Magnitude 6.4 quake kills at least 38 in Valdera”, 2031-04-08, https://valderawire.example/2031/04/quake-valdera`);
  const plain = 'A paragraph without a final newline.';
  const p2 = planCitation({ draft: { id: 'd.md', text: plain, kind: 'markdown' }, at: 0, source: SOURCE });
  assert.equal(applyEdits(plain, p2.edits), `A paragraph without a final newline.[^${p2.key}]\n\n[^${p2.key}]: Valdera Wire Service, Ines Carvalho, “Magnitude 6.4 quake kills at least 38 in Valdera”, 2031-04-08, https://valderawire.example/2031/04/quake-valdera`);
});

test('a sentence ending in a quotation: the footnote goes after the closing mark', () => {
  const text = 'She called it “worse than anything we have seen.” Then she left.\n';
  const plan = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 3, source: SOURCE });
  assert.ok(applyEdits(text, plan.edits).startsWith(`She called it “worse than anything we have seen.”[^${plan.key}] Then`));
  const pandoc = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 3, source: SOURCE, style: 'pandoc' });
  assert.ok(applyEdits(text, pandoc.edits).startsWith(`She called it “worse than anything we have seen.” [@${pandoc.key}] Then`));
});

test('pandoc: a CSL-JSON entry that validates; reused from the bibliography by address; joined into an existing citation', () => {
  const text = 'The quake killed 38 people.\n';
  const plan = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 0, source: SOURCE, style: 'pandoc' });
  assert.equal(applyEdits(text, plan.edits), 'The quake killed 38 people [@valdera-wire-service-2031].\n');
  const entry = plan.bibliographyEntry!;
  assert.deepEqual(validateCslItem(entry), []);
  assert.deepEqual(entry, {
    id: 'valdera-wire-service-2031',
    type: 'article-newspaper',
    title: 'Magnitude 6.4 quake kills at least 38 in Valdera',
    'container-title': 'Valdera Wire Service',
    URL: 'https://valderawire.example/2031/04/quake-valdera',
    issued: { 'date-parts': [[2031, 4, 8]] },
    author: [{ given: 'Ines', family: 'Carvalho' }],
  });
  const bibliography = [{ id: 'wire31', type: 'article-newspaper', URL: 'http://www.valderawire.example/2031/04/quake-valdera' }];
  const reused = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 0, source: SOURCE, style: 'pandoc', bibliography });
  assert.equal(reused.key, 'wire31');
  assert.equal(reused.bibliographyEntry, undefined);
  const cited = 'The quake killed 38 people [@other2030].\n';
  const joined = planCitation({ draft: { id: 'd.md', text: cited, kind: 'markdown' }, at: 0, source: SOURCE, style: 'pandoc', bibliography });
  assert.equal(applyEdits(cited, joined.edits), 'The quake killed 38 people [@other2030; @wire31].\n');
});

test('link: before the full stop; without an address a footnote is planned and the plan says why', () => {
  const text = 'The quake killed 38 people.\n';
  const plan = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 0, source: SOURCE, style: 'link' });
  assert.equal(applyEdits(text, plan.edits), 'The quake killed 38 people ([Valdera Wire Service](https://valderawire.example/2031/04/quake-valdera)).\n');
  const noUrl = planCitation({ draft: { id: 'd.md', text, kind: 'markdown' }, at: 0, source: { id: 'notes.txt', title: 'Field notes' }, style: 'link' });
  assert.equal(noUrl.style, 'footnote');
  assert.match(noUrl.note ?? '', /no address/);
});

test('a plain-text draft is cited the same way', () => {
  const text = 'The quake killed 38 people. More later.\n';
  const plan = planCitation({ draft: { id: 'd.txt', text, kind: 'text' }, at: 0, source: SOURCE });
  assert.ok(applyEdits(text, plan.edits).startsWith(`The quake killed 38 people.[^${plan.key}] More later.\n\n[^${plan.key}]: `));
});

test('minimal edits and applying them', () => {
  assert.deepEqual(minimalEdit('a guilty admission.', 9, 18, 'plea'), { start: 9, end: 18, newText: 'plea' });
  assert.deepEqual(minimalEdit('Woodard', 0, 7, 'Woodward'), { start: 4, end: 4, newText: 'w' });
  assert.deepEqual(minimalEdit('x 😀 y', 0, 6, 'x 😃 y'), { start: 2, end: 4, newText: '😃' });
  assert.equal(applyEdits('abc', [{ start: 3, end: 3, newText: '!' }, { start: 0, end: 1, newText: 'A' }]), 'Abc!');
  assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]));
});

test('several citations at once: one key and one definition per source, one insertion per place', () => {
  const text = 'First claim. Second claim. Third claim.\n';
  const other: CitationSource = { id: 'daily.md', outlet: 'The Maros Daily', url: 'https://marosdaily.example/n', date: '2031-04-09' };
  const items = [
    { at: 0, source: SOURCE, passage: 'one' },
    { at: text.indexOf('Second'), source: SOURCE, passage: 'two' },
    { at: text.indexOf('Third'), source: SOURCE },
    { at: text.indexOf('Third'), source: other },
  ];
  const plan = planCitations({ id: 'd.md', text, kind: 'markdown' }, items);
  assert.deepEqual(plan.keys, ['valdera-wire-service-2031', 'valdera-wire-service-2031', 'valdera-wire-service-2031', 'maros-daily-2031']);
  const after = assertOnlyInsertions(text, plan.edits);
  assert.equal(after.split('\n')[0], 'First claim.[^valdera-wire-service-2031] Second claim.[^valdera-wire-service-2031] Third claim.[^valdera-wire-service-2031][^maros-daily-2031]');
  assert.equal((after.match(/^\[\^valdera-wire-service-2031\]:/gm) ?? []).length, 1);
  assert.equal((after.match(/^\[\^maros-daily-2031\]:/gm) ?? []).length, 1);
  assert.ok(after.endsWith('2031-04-09, https://marosdaily.example/n\n'));

  const pandoc = planCitations({ id: 'd.md', text, kind: 'markdown' }, items, { style: 'pandoc' });
  assert.equal(applyEdits(text, pandoc.edits).split('\n')[0], 'First claim [@valdera-wire-service-2031]. Second claim [@valdera-wire-service-2031]. Third claim [@valdera-wire-service-2031; @maros-daily-2031].');
  assert.deepEqual(pandoc.bibliographyEntries.map((e) => e.id), ['valdera-wire-service-2031', 'maros-daily-2031']);
});
