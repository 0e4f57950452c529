import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docFromText, seedDoc } from '../helpers';
import { extractQuotes } from '../../src/core/extract/quotes';
import { fold } from '../../src/core/text/fold';
import type { Doc, Quote } from '../../src/core/types';

const SEEDS = ['000', '001', '002', '003', '004'];
const gold = JSON.parse(readFileSync(join(__dirname, '..', 'eval', 'seeds-gold.json'), 'utf8')) as {
  shared_quotes: Array<{ speaker: string; forms: Record<string, string> }>;
  single_source_quotes: Array<{ speaker: string; source: string; text: string }>;
};

function quotesOf(text: string): Quote[] {
  return extractQuotes(docFromText(text));
}

function seedQuotes(prefix: string): { doc: Doc; quotes: Quote[] } {
  const doc = seedDoc(prefix);
  return { doc, quotes: extractQuotes(doc) };
}

/** The quote whose text starts with `prefix`, compared with quote marks and case folded. */
function find(quotes: Quote[], prefix: string): Quote {
  const q = quotes.find((x) => fold(x.text).startsWith(fold(prefix)));
  assert.ok(q, `no quote starting ${JSON.stringify(prefix)} in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

function assertSpans(doc: Doc, quotes: Quote[]): void {
  for (const q of quotes) {
    assert.equal(doc.norm.slice(q.start, q.end), q.text);
    assert.ok(q.outer.start < q.start && q.end <= q.outer.end, `outer contains inner: ${q.text}`);
    assert.match(doc.norm[q.outer.start], /[“”"‘’'«»‹›„‚]/);
    assert.equal(q.text, q.text.trim());
    if (q.speakerSpan) assert.ok(q.speakerSpan.end > q.speakerSpan.start);
  }
}

// --- seeds -------------------------------------------------------------------------------

test('every gold shared quote is found in its sources with its speaker', () => {
  for (const g of gold.shared_quotes) {
    for (const [source, form] of Object.entries(g.forms)) {
      const { quotes } = seedQuotes(source.slice(0, 3));
      const q = quotes.find((x) => fold(x.text) === fold(form));
      assert.ok(q, `${source}: ${form}`);
      assert.equal(fold(q.speaker ?? ''), fold(g.speaker), `${source}: speaker of ${form}`);
    }
  }
});

test('every gold single-source quote is found with its speaker', () => {
  for (const g of gold.single_source_quotes) {
    const { quotes } = seedQuotes(g.source.slice(0, 3));
    const q = find(quotes, g.text);
    assert.equal(q.speaker, g.speaker, g.text);
  }
});

test('span invariant holds on every seed', () => {
  for (const prefix of SEEDS) {
    const { doc, quotes } = seedQuotes(prefix);
    assert.ok(quotes.length > 0, prefix);
    assertSpans(doc, quotes);
    for (const q of quotes) {
      if (q.speakerSpan && q.speakerSpan.start >= 0) {
        // The speaker phrase is never inside the quoted words.
        assert.ok(q.speakerSpan.end <= q.start || q.speakerSpan.start >= q.end, q.text);
      }
    }
  }
});

test('004: single curly quotes with apostrophes inside come out whole', () => {
  const { quotes } = seedQuotes('004');
  const hwang = find(quotes, 'As Pyongyang');
  assert.equal(
    hwang.text,
    'As Pyongyang’s actions clearly and continuously defy the Council’s decisions, the Council should consider strengthening existing sanctions, not weakening them,',
  );
  assert.equal(hwang.speaker, 'Joonkook Hwang');
  assert.equal(hwang.speakerSpan, null); // from "he said"
  const briefing = find(quotes, 'Today’s briefing');
  assert.equal(
    briefing.text,
    'Today’s briefing shows the Council will continue to ensure member states are aware of sanctions violations and evasion activity that generate revenue',
  );
  assert.equal(find(quotes, 'despite').text, 'despite Russia’s veto,');
  for (const t of ['Today’s briefing', 'unlawful', 'despite']) assert.equal(find(quotes, t).speaker, 'Dorothy Shea');
  assert.equal(find(quotes, 'unlawful').short, true);
  const scare = find(quotes, 'cynically obstructing');
  assert.equal(scare.short, true);
  assert.equal(scare.speaker, 'United States');
  // "the US envoy" is the envoy named before: Dorothy Shea.
  assert.equal(find(quotes, 'over 24,000').speaker, 'Dorothy Shea');
  assert.equal(find(quotes, 'It is clear').speaker, 'Dorothy Shea');
  // "experts’ work" and "Council’s" never open or close anything.
  assert.ok(quotes.every((q) => !q.text.startsWith('s ') && !q.text.startsWith('work')));
});

test('000: the multi-paragraph Kuleba quote is one quote per paragraph, same speaker', () => {
  const { doc, quotes } = seedQuotes('000');
  const plea = find(quotes, 'a guilty plea');
  assert.equal(plea.text, 'a guilty plea.');
  assert.equal(plea.multiParagraph, false);
  const moscow = find(quotes, 'Moscow no longer hides');
  const today = find(quotes, 'Today\'s vote is yet another');
  assert.ok(moscow.text.endsWith('the war against Ukraine.'));
  assert.ok(today.text.endsWith('jeopardizes global security.'));
  for (const q of [moscow, today]) {
    assert.equal(q.multiParagraph, true);
    assert.equal(q.speaker, 'Dmytro Kuleba');
  }
  // The open piece ends with its paragraph; nothing after it is swallowed.
  assert.equal(doc.norm.slice(moscow.outer.end - 1, moscow.outer.end), '.');
  assert.equal(find(quotes, 'Today\'s vote will').speaker, 'Robert Wood');
  assert.equal(find(quotes, 'an open and honest').speaker, 'Vasily Nebenzya');
});

test('001: Lin Jian over two paragraphs, "he said" and "He added"', () => {
  const { quotes } = seedQuotes('001');
  const first = find(quotes, 'The current situation');
  const second = find(quotes, 'A political solution');
  assert.ok(first.multiParagraph && second.multiParagraph);
  assert.equal(first.speaker, 'Lin Jian');
  assert.equal(second.speaker, 'Lin Jian');
  assert.equal(find(quotes, 'showdown').speaker, 'Lin Jian');
  assert.equal(find(quotes, 'The panel has continued').speaker, 'Vasily Nebenzia'); // "Mr Nebenzia said"
  assert.equal(fold(find(quotes, 'irresponsible decision').speaker ?? ''), fold("South Korea's foreign ministry"));
  assert.equal(find(quotes, 'more in line').speaker, 'Dmitry Peskov');
  assert.equal(find(quotes, 'an effort to conceal').speaker, 'European Union');
});

test('003: Wood is not Woodward; "according to a UN press release" loses to "told"', () => {
  const { doc, quotes } = seedQuotes('003');
  const silenced = find(quotes, 'You silenced');
  assert.equal(silenced.speaker, 'Robert Wood');
  assert.ok(silenced.speakerSpan);
  assert.equal(doc.norm.slice(silenced.speakerSpan.start, silenced.speakerSpan.end), 'Wood');
  assert.equal(find(quotes, 'This veto does not').speaker, 'Barbara Woodward');
  assert.equal(find(quotes, 'it is about').speaker, 'Barbara Woodward'); // "Adding that …"
  assert.equal(find(quotes, 'losing its relevance').speaker, 'Vassily Nebenzia');
  assert.equal(find(quotes, 'detached from reality').speaker, 'Vassily Nebenzia');
  assert.equal(find(quotes, 'irresponsible.').short, true);
});

test('boilerplate sentences are skipped', () => {
  const doc = docFromText('Subscribe to “The Daily Brief” now.\n\nJane Roe said, “Hello there.”');
  doc.sentences[0].boilerplate = true;
  const quotes = extractQuotes(doc);
  assert.deepEqual(quotes.map((q) => q.text), ['Hello there.']);
});

// --- quote styles --------------------------------------------------------------------------

test('guillemets, with and without inner spaces, and reversed', () => {
  const q = quotesOf('Emmanuel Macron said: «We will not give in.»');
  assert.equal(q[0].text, 'We will not give in.');
  assert.equal(q[0].speaker, 'Emmanuel Macron');
  assert.equal(quotesOf('Le ministre a déclaré : « Nous ne céderons pas », selon l’AFP.')[0].text, 'Nous ne céderons pas');
  assert.equal(quotesOf('Scholz sagte: »Wir stehen bereit.« Dann ging er.')[0].text, 'Wir stehen bereit.');
});

test('German „…“ and ‚…‘ quotes', () => {
  const q = quotesOf('Olaf Scholz said: „We stand with Ukraine.“ He left soon after.');
  assert.equal(q[0].text, 'We stand with Ukraine.');
  assert.equal(q[0].speaker, 'Olaf Scholz');
  assert.deepEqual(quotesOf('Er nannte den Plan ‚absurd‘ und ging.').map((x) => [x.text, x.short]), [['absurd', true]]);
  assert.equal(quotesOf('Prezydent powiedział: „Nie ustąpimy”.')[0].text, 'Nie ustąpimy');
});

test('a quote inside a quote stays part of the outer quote', () => {
  const q = quotesOf('“He told me ‘never again’ and left,” said Anna Berg.');
  assert.equal(q.length, 1);
  assert.equal(q[0].text, 'He told me ‘never again’ and left,');
  assert.equal(q[0].speaker, 'Anna Berg');
  const british = quotesOf('‘They called it “a farce”, which it was,’ said Tom Hale.');
  assert.deepEqual(british.map((x) => x.text), ['They called it “a farce”, which it was,']);
});

test('apostrophes in contractions, possessives and elisions are not quote marks', () => {
  const dq = quotesOf('“We’re not giving up on the players’ union, and the ’90s are over,” said coach Tom Hale.');
  assert.deepEqual(dq.map((x) => x.text), ['We’re not giving up on the players’ union, and the ’90s are over,']);
  assert.equal(dq[0].speaker, 'Tom Hale');
  const sq = quotesOf('‘We’re proud of the players’ union and the owners’ plan,’ she said.');
  assert.deepEqual(sq.map((x) => x.text), ['We’re proud of the players’ union and the owners’ plan,']);
  const straight = quotesOf("'We're proud of the players' union,' said Rosa Diaz.");
  assert.deepEqual(straight.map((x) => [x.text, x.speaker]), [["We're proud of the players' union,", 'Rosa Diaz']]);
  assert.deepEqual(quotesOf('The experts’ work ended. Today’s vote and the ’90s and rock ’n’ roll remain.'), []);
  assert.deepEqual(quotesOf("Editors' Picks and the '80s are back, y'all."), []);
});

test('a closing mark after a plural "s" is used when nothing else closes the quote', () => {
  const q = quotesOf('Fans chanted ‘we love the Yankees’ and waved flags.');
  assert.deepEqual(q.map((x) => x.text), ['we love the Yankees']);
  const two = quotesOf('He praised the ‘Yankees’ fans and their ‘loyalty,’ then left.');
  assert.deepEqual(two.map((x) => x.text), ['Yankees', 'loyalty,']);
});

// --- speakers ------------------------------------------------------------------------------

test('speaker patterns before and after the quote', () => {
  const cases: Array<[string, string, string]> = [
    ['Prime Minister Keir Starmer said, “We will act.”', 'We will act.', 'Keir Starmer'],
    ['“We will act,” said Keir Starmer, the prime minister, in London.', 'We will act,', 'Keir Starmer'],
    ['“We will act,” Keir Starmer said.', 'We will act,', 'Keir Starmer'],
    ['Defense Secretary Lloyd Austin told reporters “the mission is not over.”', 'the mission is not over.', 'Lloyd Austin'],
    ['Senator Ann Lee called the bill “a disaster.”', 'a disaster.', 'Ann Lee'],
    ['Ann Lee, the senator from Ohio, said: “The bill is a disaster.”', 'The bill is a disaster.', 'Ann Lee'],
    ['The Kremlin said the sanctions were “illegal.”', 'illegal.', 'Kremlin'],
    ['The talks were “very productive,” according to Foreign Minister Penny Wong.', 'very productive,', 'Penny Wong'],
    ['The plan is “dead on arrival,” according to a senior official.', 'dead on arrival,', 'a senior official'],
    ['“It was a good day,” said the envoy, Linda Thomas-Greenfield.', 'It was a good day,', 'Linda Thomas-Greenfield'],
    ['“Why now?” asked Lee Min-ho.', 'Why now?', 'Lee Min-ho'],
    ['In a statement, the White House said it “strongly condemns” the attack.', 'strongly condemns', 'White House'],
    ['Opposition leader Jan Novak disagreed: “This is a disaster.”', 'This is a disaster.', 'Jan Novak'],
    ['The UN chief, António Guterres, warned of “a climate catastrophe.”', 'a climate catastrophe.', 'António Guterres'],
    ['Rep. Nancy Pelosi, D-Calif., said, “This is shameful.”', 'This is shameful.', 'Nancy Pelosi'],
    ['“We’ve waited since the ’90s,” said Mary O’Neill, a resident.', 'We’ve waited since the ’90s,', 'Mary O’Neill'],
  ];
  for (const [text, quote, speaker] of cases) {
    const q = quotesOf(text);
    assert.equal(q.length, 1, text);
    assert.equal(q[0].text, quote, text);
    assert.equal(q[0].speaker, speaker, text);
  }
});

test('the speaker span points at the name as written near the quote', () => {
  const doc = docFromText('Foreign Minister Penny Wong arrived. “We are ready,” Wong told reporters.');
  const [q] = extractQuotes(doc);
  assert.equal(q.speaker, 'Penny Wong');
  assert.ok(q.speakerSpan);
  assert.equal(doc.norm.slice(q.speakerSpan.start, q.speakerSpan.end), 'Wong');
});

test('a quote split around its attribution gives two quotes with one speaker', () => {
  const q = quotesOf('Maria Lopez spoke at the summit. “We came to listen,” she said, “and we will act.”');
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [
    ['We came to listen,', 'Maria Lopez'],
    ['and we will act.', 'Maria Lopez'],
  ]);
});

test('"he said" resolves to the last person named, not to places or bodies', () => {
  const q = quotesOf('North Korean leader Kim Jong Un visited the Security Council site in North Korea.\n\n“We are ready,” he said.');
  assert.equal(q[0].speaker, 'Kim Jong Un');
  const none = quotesOf('The European Union met in Brussels.\n\n“We are ready,” she said.');
  assert.equal(none[0].speaker, null);
});

test('a quote with no speaker', () => {
  const q = quotesOf('The sign on the door read “No entry”.');
  assert.equal(q[0].text, 'No entry');
  assert.equal(q[0].speaker, null);
  assert.equal(q[0].speakerSpan, null);
  assert.equal(q[0].short, true);
});

test('names from the names extractor are used when given', () => {
  const text = 'Ambassador Zhang Jun spoke. “We oppose this,” Zhang said.';
  const doc = docFromText(text);
  const at = (s: string): number => text.indexOf(s);
  const names = [
    { start: at('Zhang Jun'), end: at('Zhang Jun') + 9, text: 'Zhang Jun', kind: 'person', resolvedTo: null },
    { start: at('Zhang said'), end: at('Zhang said') + 5, text: 'Zhang', kind: 'person', resolvedTo: 'Zhang Jun' },
  ];
  const [q] = extractQuotes(doc, names);
  assert.equal(q.speaker, 'Zhang Jun');
  assert.equal(text.slice(q.speakerSpan?.start, q.speakerSpan?.end), 'Zhang');
});

// --- paragraphs and unbalanced marks ------------------------------------------------------

test('multi-paragraph quote with curly marks', () => {
  const text = 'Sarah Kim said: “The first paragraph ends here.\n\n“The second goes on.\n\n“And the third,” she added.\n\nThe meeting ended.';
  const doc = docFromText(text);
  const q = extractQuotes(doc);
  assertSpans(doc, q);
  assert.deepEqual(q.map((x) => [x.text, x.speaker, x.multiParagraph]), [
    ['The first paragraph ends here.', 'Sarah Kim', true],
    ['The second goes on.', 'Sarah Kim', true],
    ['And the third,', 'Sarah Kim', true],
  ]);
});

test('a quote spanning several sentences is one quote', () => {
  const q = quotesOf('“We lost. We will be back next year,” said Joe Root.');
  assert.deepEqual(q.map((x) => [x.text, x.speaker, x.sentences.length > 1]), [['We lost. We will be back next year,', 'Joe Root', true]]);
});

test('an unclosed quote at the end of the document ends with the document', () => {
  const doc = docFromText('The hearing went on.\n\nAmy Clark said: "This will not stand');
  const q = extractQuotes(doc);
  assertSpans(doc, q);
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [['This will not stand', 'Amy Clark']]);
});

test('an unclosed mark does not swallow the following paragraphs', () => {
  const text = 'He called the "plan a failure and left.\n\nLater, "We will rebuild," said Bob Stone.\n\nThe end.';
  const doc = docFromText(text);
  const q = extractQuotes(doc);
  assertSpans(doc, q);
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [['We will rebuild,', 'Bob Stone']]);
});

test('straight double quotes with an odd count keep the pairs that close', () => {
  const q = quotesOf('Officials called it "a farce" and "a disgrace. Nobody resigned.');
  assert.deepEqual(q.map((x) => x.text), ['a farce']);
  const nested = quotesOf('"The so-called "experts" are wrong," said Ivan Petrov.');
  assert.deepEqual(nested.map((x) => [x.text, x.speaker]), [['The so-called "experts" are wrong,', 'Ivan Petrov']]);
});

test('scare quotes and headlines with single marks', () => {
  const q = quotesOf('Minister warns of ‘grave danger’ ahead of the vote');
  assert.deepEqual(q.map((x) => [x.text, x.short]), [['grave danger', true]]);
  const three = quotesOf('Kuleba called the veto “a guilty plea.”');
  assert.equal(three[0].short, false);
});

test('rock ’n’ roll and a quote in one sentence', () => {
  const q = quotesOf('Keith Moon loved rock ’n’ roll and said “it saved me.”');
  assert.deepEqual(q.map((x) => [x.text, x.speaker]), [['it saved me.', 'Keith Moon']]);
});

test('attribution in the paragraph before, ending with a colon', () => {
  const q = quotesOf('Matthew Miller, the State Department spokesman, said after the vote:\n\n“Russia’s actions today have undermined peace.”');
  assert.equal(q[0].speaker, 'Matthew Miller');
});

test('a person named between two quotations stops the speaker carrying over', () => {
  const q = quotesOf('"We won," said Bob Stone. Jane Roe was not convinced. "It was luck."');
  assert.deepEqual(q.map((x) => x.speaker), ['Bob Stone', null]);
  const verb = quotesOf('The agency said Tom Hale called the plan “a scandal.”');
  assert.equal(verb[0].speaker, 'Tom Hale');
});
