import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft, draft, find, one, quietOn, seedDocs, seeds } from './draftHelpers';
import { SourceIndex } from '../../src/core/draft/sourceIndex';
import { applyEdits } from '../../src/core/cite/textEdit';
import type { DraftDiagnostic } from '../../src/core/draft/diagnostic';

/** The seed draft: errors of every kind and correct statements, checked against the five seeds. */
const input = draft('veto-draft.md');
const text = input.text;
const ds = checkDraft(input, seeds());

function fixed(d: DraftDiagnostic): string {
  assert.ok(d.fixes?.length, `a fix for ${d.kind}/${d.detail}`);
  return applyEdits(text, d.fixes!);
}

test('every span is an exact slice of the draft, every evidence an exact slice of its source', () => {
  assert.ok(ds.length > 10);
  const raw = new Map(seeds().docs.map((d) => [d.id, d.raw]));
  for (const d of ds) {
    assert.equal(text.slice(d.start, d.end), d.text, `${d.kind}/${d.detail}`);
    assert.ok(d.message.length > 10);
    for (const e of d.evidence) assert.equal(raw.get(e.source)!.slice(e.start, e.end), e.text);
    if (d.fixes?.length === 1) assert.deepEqual(d.fix, d.fixes[0]);
  }
  for (let i = 1; i < ds.length; i++) assert.ok(ds[i - 1].start <= ds[i].start, 'in draft order');
});

test('a misquotation is a warning with the word difference, fixed minimally to the source wording', () => {
  const d = one(ds, 'quote', 'reworded', 'a guilty admission');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /a guilty plea/);
  assert.ok(d.wordDiff?.some((p) => p.removed && p.value.includes('admission')));
  assert.ok(d.wordDiff?.some((p) => p.added && p.value.includes('plea')));
  assert.deepEqual(d.fixes, [{ start: text.indexOf('admission'), end: text.indexOf('admission') + 'admission'.length, newText: 'plea' }]);
  assert.ok(fixed(d).includes('called the veto "a guilty plea."'));
});

test('a quotation confirmed verbatim, with a capital first letter, or in part is information with the source', () => {
  const capital = one(ds, 'quote', 'verbatim', 'A guilty plea');
  assert.equal(capital.severity, 'information');
  assert.equal(capital.verdict, 'agree');
  assert.ok(capital.evidence.some((e) => e.source.startsWith('001') && /guilty plea/.test(e.text)));
  const partial = one(ds, 'quote', 'partial', 'This veto undermines');
  assert.equal(partial.severity, 'information');
  assert.ok(partial.evidence.some((e) => e.source.startsWith('003')));
  assert.equal(one(ds, 'quote', 'verbatim', 'deeply concerning').severity, 'information');
});

test('a quotation no source has is a warning; one given to the wrong person is a warning naming who said it', () => {
  const invented = one(ds, 'quote', 'not-found', 'We will never recognise');
  assert.equal(invented.severity, 'warning');
  const wrong = one(ds, 'quote', 'different-speaker', 'Robert Wood');
  assert.equal(wrong.severity, 'warning');
  assert.equal(wrong.verdict, 'misattributed');
  assert.match(wrong.message, /Nebenzya/);
  assert.ok(wrong.evidence.length >= 1);
  // A misattributed quotation is not also reported as confirmed.
  assert.equal(find(ds, 'quote', 'verbatim', 'an open and honest review').length, 0);
});

test('a figure that conflicts with the sources is a warning listing theirs', () => {
  const attacks = one(ds, 'figure', 'conflict', 'around 60 times');
  assert.equal(attacks.severity, 'warning');
  assert.match(attacks.message, /around 50 times/);
  const year = one(ds, 'figure', 'conflict', '2008');
  assert.match(year.message, /2009/);
  assert.match(year.message, /2006/, 'the sources disagree, and both their values are listed');
});

test('a figure the sources disagree on is information listing both; one no source gives is information', () => {
  const disputed = one(ds, 'figure', 'sources-disagree', '2009');
  assert.equal(disputed.severity, 'information');
  assert.match(disputed.message, /2009[\s\S]*2006|2006[\s\S]*2009/);
  assert.equal(one(ds, 'figure', 'no-source', 'two years').severity, 'information');
});

test('figures the sources support stay quiet', () => {
  for (const t of ['at least 10 such cases', 'over 3 million artillery shells', 'more than 1,000 containers', 'March 28']) {
    assert.deepEqual(quietOn(ds, text, t), [], t);
    assert.equal(ds.filter((d) => d.kind === 'figure' && d.text.includes(t)).length, 0, t);
  }
});

test('a misspelt name is a warning with the sources spelling and a one-letter fix', () => {
  const d = one(ds, 'name', 'spelling', 'Woodard');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /Woodward/);
  assert.equal(d.fixes!.length, 1);
  assert.equal(d.fixes![0].newText, 'w');
  assert.equal(d.fixes![0].start, d.fixes![0].end);
  assert.ok(fixed(d).includes('Barbara Woodward called'));
});

test('a name the sources spell differently is information; correctly spelled names stay quiet', () => {
  const d = one(ds, 'name', 'sources-differ', 'Nebenzia');
  assert.equal(d.severity, 'information');
  assert.match(d.message, /Nebenzya/);
  assert.match(d.message, /Nebenzia/);
  assert.equal(find(ds, 'name', 'sources-differ', 'Nebenzya').length, 0, 'reported once per person');
  for (const name of ['Dmytro Kuleba', 'Joonkook Hwang', 'Kim Jong Un', 'Vladimir Putin', 'Robert Wood']) {
    const at = text.indexOf(name);
    assert.ok(at > 0, name);
    assert.equal(ds.filter((d) => d.kind === 'name' && d.start < at + name.length && d.end > at).length, 0, name);
  }
  const woodward = text.indexOf('Woodward said');
  assert.equal(ds.filter((d) => d.kind === 'name' && d.start === woodward).length, 0);
});

test('"Nebenzya" when every source says Nebenzia is a misspelling with a fix', () => {
  const subset = checkDraft(input, seedDocs(['001', '003', '004']));
  const d = one(subset, 'name', 'spelling', 'Nebenzya');
  assert.match(d.message, /Nebenzia/);
  assert.ok(fixed(d).includes('Vasily Nebenzia said'));
});

test('a sentence that closely follows a source without a citation gets a hint that cites it', () => {
  const d = one(ds, 'citation', 'uncited', 'The move sparked condemnations');
  assert.equal(d.severity, 'hint');
  assert.equal(d.verdict, 'uncited');
  assert.ok(d.evidence[0].source.startsWith('000'), 'the original, not its copy');
  assert.equal(d.cite?.style, 'footnote');
  const after = fixed(d);
  assert.ok(after.includes(`against Ukraine.[^${d.cite!.key}]`));
  assert.match(after, new RegExp(`\\n\\[\\^${d.cite!.key}\\]: .*The move sparked condemnations`));
  const again = checkDraft({ ...input, text: after }, seeds());
  assert.equal(find(again, 'citation', 'uncited', 'The move sparked condemnations').length, 0, 'cited now');
  // Sentences with a footnote are cited.
  assert.equal(find(ds, 'citation', 'uncited', 'Russia on March 28 vetoed').length, 0);
});

test('every fix applies cleanly, and checking the fixed draft no longer reports it', () => {
  for (const d of ds.filter((x) => x.fixes && x.kind !== 'citation')) {
    const after = fixed(d);
    const again = checkDraft({ ...input, text: after }, seeds());
    assert.equal(again.filter((x) => x.kind === d.kind && x.detail === d.detail && x.start === d.start).length, 0, `${d.kind}/${d.detail} ${d.text}`);
  }
});

test('code, inline code, HTML, link targets, autolinks and footnote definitions are never checked', () => {
  const masked = [
    text.indexOf('```text'),
    text.indexOf('`"a guilty confession" in 1999`'),
    text.indexOf('<!--'),
    text.indexOf('(https://press.un.org'),
    text.indexOf('<https://kyivindependent.com'),
    text.indexOf('[^kyiv]: The Kyiv'),
  ];
  assert.ok(masked.every((i) => i > 0));
  const ends = masked.map((i) => text.indexOf('\n', i + 10));
  for (const d of ds) {
    masked.forEach((m, k) => assert.ok(d.end <= m || d.start >= ends[k], `${d.kind}/${d.detail} ${JSON.stringify(d.text)} inside masked text`));
  }
});

test('one SourceIndex serves many checks, and the order of the sources does not matter', () => {
  const reversed = checkDraft(input, seedDocs().reverse());
  assert.deepEqual(reversed, ds);
  const index = SourceIndex.fromDocs(seedDocs());
  assert.deepEqual(checkDraft(input, index), ds);
  assert.deepEqual(checkDraft(input, index), ds);
});

test('a plain-text draft is checked too, with offsets into its text', () => {
  const plain = 'Kuleba called the veto "a guilty admission." The expert panel was created in 2008.\n';
  const out = checkDraft({ id: 'plain.txt', text: plain, kind: 'text' }, seeds());
  for (const d of out) assert.equal(plain.slice(d.start, d.end), d.text);
  assert.equal(find(out, 'quote', 'reworded', 'a guilty admission').length, 1);
  assert.equal(find(out, 'figure', 'conflict', '2008').length, 1);
});

test('options: no confirmations, another citation style', () => {
  const quiet = checkDraft(input, seeds(), { confirmations: false, citationStyle: 'pandoc' });
  assert.equal(quiet.filter((d) => d.verdict === 'agree').length, 0);
  const hint = one(quiet, 'citation', 'uncited', 'The move sparked condemnations');
  assert.equal(hint.cite?.style, 'pandoc');
  assert.equal(hint.fixes!.length, 1);
  assert.ok(hint.fix!.newText.startsWith(' [@'));
  assert.ok(hint.cite?.bibliographyEntry);
});
