import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDoc } from '../helpers';
import { extractNames } from '../../src/core/extract/names';
import { clusterEntities, nameDifference } from '../../src/core/extract/entities';
import type { Entity, EntityKind, NameMention } from '../../src/core/types';

interface Gold {
  name_variants: Array<{ entity: string; forms: Record<string, string> }>;
  name_agreements: Array<{ entity: string; forms: Record<string, string> }>;
  must_not_link: Array<{ forms: string[] }>;
}
const gold: Gold = JSON.parse(readFileSync(join(__dirname, '..', 'eval', 'seeds-gold.json'), 'utf8'));
const seedMentions = ['000', '001', '002', '003', '004'].map((p) => extractNames(seedDoc(p)));
const seedEntities = clusterEntities(seedMentions);

/** Entities holding a mention written `text` (in `source`, when given). */
function entitiesOf(entities: Entity[], text: string, source?: string): Entity[] {
  return entities.filter((e) => e.mentions.some((m) => m.text === text && (!source || m.source === source)));
}

test('gold name variants and agreements each form exactly one entity', () => {
  for (const group of [...gold.name_variants, ...gold.name_agreements]) {
    const ids = new Set<string>();
    for (const [source, form] of Object.entries(group.forms)) {
      const found = entitiesOf(seedEntities, form, source);
      assert.equal(found.length, 1, `${group.entity}: ${form} in ${source}`);
      ids.add(found[0].id);
    }
    assert.equal(ids.size, 1, `${group.entity}: ${[...ids].join(', ')}`);
    const e = seedEntities.find((x) => x.id === [...ids][0])!;
    assert.equal(e.kind, 'person', group.entity);
  }
});

test('gold must-not-link pairs are different entities', () => {
  for (const { forms } of gold.must_not_link) {
    const [a, b] = forms.map((f) => entitiesOf(seedEntities, f));
    assert.ok(a.length > 0 && b.length > 0, forms.join(' / '));
    for (const x of a) for (const y of b) assert.notEqual(x.id, y.id, forms.join(' / '));
  }
});

test('surname-only mentions on the seeds join their person', () => {
  const one = (form: string, full: string) => {
    const ids = new Set(entitiesOf(seedEntities, form).map((e) => e.id));
    assert.deepEqual([...ids], entitiesOf(seedEntities, full).map((e) => e.id), form);
  };
  one('Nebenzia', 'Vassily Nebenzia');
  one('Woodward', 'Barbara Woodward');
  one('Wood', 'Robert Wood');
  one('Shea', 'Dorothy Shea');
  one('Putin', 'Vladimir Putin');
});

test('seed bodies: U.N./UN/United Nations, U.S./US/United States, Security Council forms', () => {
  const sameEntity = (...forms: string[]) => {
    const ids = new Set(forms.flatMap((f) => entitiesOf(seedEntities, f).map((e) => e.id)));
    assert.equal(ids.size, 1, forms.join(' / '));
  };
  sameEntity('U.N.', 'UN', 'United Nations');
  sameEntity('U.S.', 'US', 'United States');
  sameEntity('Security Council', 'UN Security Council', 'U.N. Security Council');
  assert.equal(entitiesOf(seedEntities, 'Pyongyang')[0].kind, 'place');
  assert.equal(entitiesOf(seedEntities, 'Kremlin')[0].kind, 'organization');
});

test('entity ids are stable and unique, canonical forms are the fullest', () => {
  const ids = seedEntities.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  const neb = entitiesOf(seedEntities, 'Vasily Nebenzya')[0];
  assert.equal(neb.id, 'person:vasily-nebenzya');
  assert.equal(neb.canonical, 'Vasily Nebenzya');
  assert.equal(entitiesOf(seedEntities, 'Hwang Joon-kook')[0].canonical, 'Joonkook Hwang');
  assert.equal(entitiesOf(seedEntities, 'UN')[0].canonical, 'United Nations');
  assert.deepEqual(clusterEntities(seedMentions).map((e) => e.id), ids);
});

/** A deterministic shuffle, so a failure can be reproduced. */
function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function signature(entities: Entity[]): string[] {
  return entities.map((e) => `${e.id}|${e.kind}|${e.canonical}|${e.mentions.map((m) => `${m.source}@${m.start}`).join(',')}`).sort();
}

test('clustering does not depend on the order of sources or mentions', () => {
  const base = signature(seedEntities);
  for (let seed = 1; seed <= 6; seed++) {
    const sources = shuffle(seedMentions, seed).map((ms) => shuffle(ms, seed + 100));
    assert.deepEqual(signature(clusterEntities(sources)), base, `seed ${seed}`);
  }
  const own = OWN_PAIRS.flatMap(([a, b]) => [[mention(a, 's1')], [mention(b, 's2')]]);
  const ownBase = signature(clusterEntities(own));
  for (let seed = 1; seed <= 4; seed++) assert.deepEqual(signature(clusterEntities(shuffle(own, seed))), ownBase);
});

let offset = 0;
function mention(text: string, source: string, kind: EntityKind = 'person', resolvedTo: string | null = null): NameMention {
  offset += 100;
  return { text, start: offset, end: offset + text.length, source, sentence: 0, kind, title: null, resolvedTo };
}

function together(a: string, b: string, kind: EntityKind = 'person'): boolean {
  const es = clusterEntities([[mention(a, 'a.txt', kind)], [mention(b, 'b.txt', kind)]]);
  return es.length === 1;
}

/** Pairs from other news: [a, b, same person?]. */
const OWN_PAIRS: Array<[string, string, boolean]> = [
  ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', true],
  ['Volodymyr Zelensky', 'Volodymyr Zelenskiy', true],
  ['Zelenskiy', 'Volodymyr Zelenskyy', true],
  ['Xi Jinping', 'Xi', true],
  ['Angela Merkel', 'Merkel', true],
  ['Emmanuel Macron', 'Macron', true],
  ['Jon Smith', 'John Smith', true],
  ['Ana Lopez', 'Ana López', true],
  ['Recep Tayyip Erdogan', 'Recep Tayyip Erdoğan', true],
  ['Muammar Gaddafi', 'Muammar Qaddafi', true],
  ['Muammar Gaddafi', 'Moammar Kadhafi', true],
  ['Alexei Navalny', 'Aleksei Navalnyy', true],
  ['Bashar al-Assad', 'Bashar Assad', true],
  ['Mohammed bin Salman', 'Mohammed Bin Salman', true],
  ['D. Kuleba', 'Dmytro Kuleba', true],
  ['George Bush', 'George W. Bush', true],
  ['Kim Jong Un', 'Kim Jong-un', true],
  ['Joonkook Hwang', 'Hwang Joon-kook', true],
  ['Yevgeny Prigozhin', 'Evgeny Prigozhin', true],
  ['Robert Wood', 'Barbara Woodward', false],
  ['Robert Wood', 'Robert Woodward', false],
  ['Maria Zakharova', 'Dmitry Peskov', false],
  ['George H. W. Bush', 'George W. Bush', false],
  ['Chris Evans', 'Chris Evert', false],
  // Our call: Wood and Woods are different surnames (so are Evan/Evans, Edward/Edwards).
  ['Mark Wood', 'Mark Woods', false],
  ['Kim Jong Un', 'Kim Jong Il', false],
  ['Kim Jong Un', 'Kim Yo Jong', false],
  ['Alexander Ivanov', 'Alexandra Ivanova', false],
  ['Lin Jian', 'Li Jian', false],
  ['Joe Biden', 'Hunter Biden', false],
  ['Maria Lopez', 'Mario Lopez', false],
  ['George Bush Jr.', 'George Bush Sr.', false],
  ['Mohammed bin Salman', 'MBS', false],
];

test('person pairs from other news', () => {
  for (const [a, b, same] of OWN_PAIRS) {
    const kind: EntityKind = b === 'MBS' ? 'organization' : 'person';
    assert.equal(clusterEntities([[mention(a, 'a.txt')], [mention(b, 'b.txt', kind)]]).length === 1, same, `${a} / ${b}`);
  }
});

test('a short name that fits two people joins neither', () => {
  const es = clusterEntities([
    [mention('George H. W. Bush', 'a.txt')],
    [mention('George W. Bush', 'b.txt')],
    [mention('George Bush', 'c.txt')],
    [mention('Bush', 'd.txt')],
  ]);
  assert.equal(es.length, 4);
  const es2 = clusterEntities([[mention('Joe Biden', 'a.txt')], [mention('Hunter Biden', 'b.txt')], [mention('Biden', 'c.txt')]]);
  assert.equal(es2.length, 3);
});

test('a resolved surname clusters through its full name', () => {
  const es = clusterEntities([
    [mention('Vassily Nebenzia', 'a.txt'), mention('Nebenzia', 'a.txt', 'person', 'Vassily Nebenzia')],
    [mention('Vasily Nebenzya', 'b.txt')],
  ]);
  assert.equal(es.length, 1);
  assert.equal(es[0].mentions.length, 3);
});

test('organisations and places: abbreviations, articles, qualifiers', () => {
  assert.ok(together('European Union', 'EU', 'organization'));
  assert.ok(together('U.N.', 'UN', 'organization'));
  assert.ok(together('United Nations', 'U.N.', 'organization'));
  assert.ok(together('U.S.', 'United States', 'place'));
  assert.ok(together('Pyongyang', 'Pyongyang', 'place'));
  assert.ok(together('UN Security Council', 'Security Council', 'organization'));
  assert.ok(!together('European Union', 'African Union', 'organization'));
  assert.ok(!together('Security Council', 'State Council', 'organization'));
  assert.ok(!together('North Korea', 'South Korea', 'place'));
  // People never merge with bodies, even when a surname equals a place.
  const es = clusterEntities([[mention('Michael Jordan', 'a.txt')], [mention('Jordan', 'b.txt', 'place')]]);
  assert.equal(es.length, 2);
});

test('blocking keeps thousands of sources fast', () => {
  const given = ['Anna', 'Boris', 'Carlos', 'Dmitry', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ivan', 'Jana'];
  const family = ['Petrov', 'Schmidt', 'Nakamura', 'Okafor', 'Silva', 'Kowalski', 'Haddad', 'Novak', 'Larsen', 'Moreau'];
  const sources: NameMention[][] = [];
  for (let s = 0; s < 3000; s++) {
    const list: NameMention[] = [];
    for (let k = 0; k < 5; k++) {
      const g = given[(s * 7 + k * 3) % 10];
      const f = family[(s * 3 + k * 7) % 10];
      const tail = (s + k) % 97;
      list.push(mention(`${g} ${f}${tail === 0 ? '' : String.fromCharCode(97 + (tail % 26))}`, `s${s}.txt`));
      list.push(mention(`${['Agency', 'Council', 'Ministry'][k % 3]} ${f}`, `s${s}.txt`, 'organization'));
    }
    sources.push(list);
  }
  const t0 = performance.now();
  const es = clusterEntities(sources);
  const ms = performance.now() - t0;
  assert.ok(es.length > 10);
  assert.ok(ms < 5000, `${ms.toFixed(0)} ms for 30,000 mentions`);
});

test('nameDifference classifies how two variants differ', () => {
  const cases: Array<[string, string, ReturnType<typeof nameDifference>]> = [
    ['Vasily Nebenzya', 'Vasily Nebenzya', 'same'],
    ['Vasily Nebenzya', 'Vasily Nebenzia', 'spelling'],
    ['Vasily Nebenzia', 'Vassily Nebenzia', 'spelling'],
    ['Joonkook Hwang', 'Hwang Joon-kook', 'order'],
    ['Kim Jong Un', 'Kim Jong-un', 'hyphenation'],
    ['Nebenzia', 'Vassily Nebenzia', 'partial'],
    ['Nebenzia', 'Vasily Nebenzya', 'partial'],
    ['Mr Nebenzia', 'Nebenzia', 'title'],
    ['KIM JONG UN', 'Kim Jong Un', 'case'],
    ['U.N.', 'UN', 'hyphenation'],
    ['UN', 'United Nations', 'partial'],
    ['U.S.', 'United States', 'partial'],
    ['Security Council', 'U.N. Security Council', 'partial'],
    ['Ana Lopez', 'Ana López', 'spelling'],
    ['George Bush', 'George W. Bush', 'partial'],
    ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'spelling'],
  ];
  for (const [a, b, want] of cases) {
    assert.equal(nameDifference(a, b), want, `${a} / ${b}`);
    assert.equal(nameDifference(b, a), want, `${b} / ${a}`);
  }
});
