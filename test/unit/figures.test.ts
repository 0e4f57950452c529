import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { extractFigures } from '../../src/core/extract/figures';
import { datesMeet, decodeDate, encodeDate } from '../../src/core/extract/dates';
import { docFromText, seedDoc } from '../helpers';
import type { Doc, Figure } from '../../src/core/types';

const SEEDS = ['000', '001', '002', '003', '004'];

function figs(text: string, date?: string): Figure[] {
  const doc = docFromText(text);
  if (date) doc.meta.date = date;
  return extractFigures(doc);
}

/** The figure whose text is exactly `text`; fails with the list of what was found. */
function fig(list: Figure[], text: string): Figure {
  const f = list.find((x) => x.text === text);
  assert.ok(f, `no figure "${text}" among ${JSON.stringify(list.map((x) => x.text))}`);
  return f;
}

function none(list: Figure[], pattern: RegExp): void {
  const bad = list.filter((f) => pattern.test(f.text));
  assert.deepEqual(bad.map((f) => f.text), [], `unexpected figures matching ${pattern}`);
}

function interval(f: Figure, lo: number, hi: number, loOpen = false, hiOpen = false): void {
  assert.deepEqual([f.lo, f.hi, f.loOpen, f.hiOpen], [lo, hi, loOpen, hiOpen], `interval of "${f.text}"`);
}

function checkSpans(doc: Doc, list: Figure[]): void {
  for (const f of list) {
    assert.equal(doc.norm.slice(f.start, f.end), f.text);
    assert.equal(f.source, doc.id);
    const s = doc.sentences[f.sentence];
    assert.ok(f.start >= s.start && f.end <= s.end, `"${f.text}" lies in its sentence`);
  }
}

const seedFigures = (id: string) => extractFigures(seedDoc(id));

describe('figures in the seed articles', () => {
  test('000: "around 50 times" by Ukrainian prosecutors vs "at least 10 such cases" by the U.S.', () => {
    const list = seedFigures('000');
    const around = fig(list, 'around 50 times');
    assert.equal(around.kind, 'count');
    assert.equal(around.hedge, 'approximately');
    interval(around, 45, 55);
    assert.equal(around.noun, 'time');
    assert.equal(around.claimant, 'Ukrainian prosecutors');
    const atLeast = fig(list, 'at least 10 such cases');
    assert.equal(atLeast.hedge, 'at-least');
    interval(atLeast, 10, Infinity, false, true);
    assert.equal(atLeast.noun, 'case');
    assert.equal(atLeast.claimant, 'The U.S.');
    const six = fig(list, 'six different oblasts');
    interval(six, 6, 6);
    assert.equal(six.noun, 'oblast');
  });

  test('000: "more than 1,000 containers" announced by the White House on Oct. 13', () => {
    const f = fig(seedFigures('000'), 'more than 1,000 containers');
    assert.equal(f.hedge, 'more-than');
    interval(f, 1000, Infinity, true, true);
    assert.equal(f.noun, 'container');
    for (const w of ['container', 'military', 'equipment', 'ammunition']) assert.ok(f.context.includes(w), w);
    assert.equal(f.claimant, 'The White House');
    assert.equal(f.time, 'on Oct. 13');
  });

  test('000: "over 3 million artillery shells" counts shells, with artillery in the context', () => {
    const f = fig(seedFigures('000'), 'over 3 million artillery shells');
    assert.equal(f.hedge, 'more-than');
    interval(f, 3e6, Infinity, true, true);
    assert.equal(f.noun, 'shell');
    assert.ok(f.context.includes('artillery'));
  });

  test('000: the years 2006 and 2009 and the date March 28', () => {
    const list = seedFigures('000');
    const y2009 = fig(list, '2009');
    assert.equal(y2009.kind, 'year');
    interval(y2009, 2009, 2009);
    assert.equal(y2009.noun, null);
    assert.ok(y2009.context.includes('panel'));
    assert.equal(fig(list, '2006').kind, 'year');
    const march = fig(list, 'March 28');
    assert.equal(march.kind, 'date');
    interval(march, 328, 328); // year not written, no publication date: year part 0
    const oct = fig(list, 'Oct. 13');
    assert.equal(oct.kind, 'date');
    interval(oct, 1013, 1013);
  });

  test('000: "several other U.N. members" is a vague count of members', () => {
    const f = fig(seedFigures('000'), 'several other U.N. members');
    assert.equal(f.hedge, 'vague');
    interval(f, 3, 10, false, true);
    assert.equal(f.noun, 'member');
  });

  test('001: "thousands of containers of weapons" is vague, counts containers', () => {
    const f = fig(seedFigures('001'), 'thousands of containers');
    assert.equal(f.hedge, 'vague');
    interval(f, 2000, 1e6, false, true);
    assert.equal(f.noun, 'container');
    assert.ok(f.context.includes('weapon'));
  });

  test('001: "since 2006", "Since 2019", "in 2016 and 2017" are years', () => {
    const list = seedFigures('001');
    for (const y of ['2006', '2019', '2016', '2017']) {
      const f = fig(list, y);
      assert.equal(f.kind, 'year');
      interval(f, Number(y), Number(y));
    }
    assert.ok(fig(list, '2019').context.includes('russia'), 'context crosses the comma of "Since 2019,"');
  });

  test('003: "seven-member panel", "15-member Security Council", "13 in favor"', () => {
    const list = seedFigures('003');
    const seven = fig(list, 'seven-member');
    assert.equal(seven.kind, 'count');
    interval(seven, 7, 7);
    assert.equal(seven.noun, 'member');
    assert.ok(seven.context.includes('panel'));
    assert.equal(seven.claimant, 'Russia');
    const fifteen = fig(list, '15-member');
    interval(fifteen, 15, 15);
    assert.equal(fifteen.noun, 'member');
    assert.ok(fifteen.context.includes('council'));
    const thirteen = fig(list, '13');
    assert.equal(thirteen.kind, 'count');
    interval(thirteen, 13, 13);
    assert.equal(thirteen.noun, null);
    assert.ok(thirteen.context.includes('favor'));
    assert.equal(thirteen.time, 'on Thursday');
  });

  test('003: "millions of rounds of artillery shells" overlaps "artillery shells"', () => {
    const f = fig(seedFigures('003'), 'millions of rounds');
    assert.equal(f.hedge, 'vague');
    interval(f, 2e6, 1e9, false, true);
    assert.equal(f.noun, 'round');
    assert.ok(f.context.includes('artillery') && f.context.includes('shell'));
    assert.equal(f.claimant, 'South Korea’s defense minister');
    assert.equal(f.time, 'in February');
  });

  test('003: "Resolution 1718" is a name, not a count; 2006 is a year claimed by Russia', () => {
    const list = seedFigures('003');
    none(list, /1718/);
    const y = fig(list, '2006');
    assert.equal(y.kind, 'year');
    assert.equal(y.claimant, 'Russia');
  });

  test('004: "over 24,000 containers" and "well over 100 ballistic missiles" by the US envoy', () => {
    const list = seedFigures('004');
    const c = fig(list, 'over 24,000 containers');
    interval(c, 24000, Infinity, true, true);
    assert.equal(c.noun, 'container');
    assert.ok(c.context.includes('munition'));
    assert.equal(c.claimant, 'The US envoy');
    assert.equal(c.time, 'since September 2023');
    const m = fig(list, 'well over 100 ballistic missiles');
    assert.equal(m.hedge, 'more-than');
    interval(m, 100, Infinity, true, true);
    assert.equal(m.noun, 'missile');
    assert.ok(m.context.includes('ballistic'));
  });

  test('004: "In March 2024" is a month-long date, "since 2019" a year', () => {
    const list = seedFigures('004');
    const march = fig(list, 'March 2024');
    assert.equal(march.kind, 'date');
    interval(march, 20240301, 20240331);
    interval(fig(list, 'September 2023'), 20230901, 20230930);
    interval(fig(list, 'May 2022'), 20220501, 20220531);
    assert.equal(fig(list, '2019').kind, 'year');
  });

  test('every seed: spans are exact slices of norm and nothing throws', () => {
    for (const id of SEEDS) {
      const doc = seedDoc(id);
      const list = extractFigures(doc);
      assert.ok(list.length > 0, `figures in ${id}`);
      checkSpans(doc, list);
      for (const f of list) {
        assert.ok(f.lo <= f.hi, `${f.text}: lo <= hi`);
        assert.ok(!doc.sentences[f.sentence].boilerplate, `${f.text} is not in boilerplate`);
      }
    }
  });
});

describe('boilerplate', () => {
  test('figures of sentences flagged as boilerplate are not returned', () => {
    const doc = docFromText('The club signed up 1,000 new members.\nRussia fired 40 missiles on Monday.');
    assert.ok(extractFigures(doc).some((f) => f.text === '1,000 new members'), 'found when not flagged');
    doc.sentences[0].boilerplate = true;
    const list = extractFigures(doc);
    none(list, /1,000/);
    fig(list, '40 missiles');
  });

  test('the seed appeal "12,000 supporters" disappears once flagged', () => {
    const doc = seedDoc('000');
    for (const s of doc.sentences) s.boilerplate = false;
    const appeal = doc.sentences.find((s) => doc.norm.slice(s.start, s.end).includes('12,000 supporters'));
    assert.ok(appeal);
    assert.ok(extractFigures(doc).some((f) => f.text === '12,000 supporters'));
    appeal.boilerplate = true;
    assert.ok(!extractFigures(doc).some((f) => f.text === '12,000 supporters'));
  });
});

describe('numbers written in many ways', () => {
  test('digits with separators and scales', () => {
    const list = figs('Some 1.2 million voters cast ballots, against 24,000 in 1995 and 3.5 billion people worldwide.');
    interval(fig(list, 'Some 1.2 million voters'), 1.08e6, 1.32e6);
    interval(fig(list, '24,000'), 24000, 24000);
    interval(fig(list, '3.5 billion people'), 3.5e9, 3.5e9);
    assert.equal(fig(list, '3.5 billion people').noun, 'person');
    assert.equal(fig(list, '1995').kind, 'year');
  });

  test('number words: compounds, "a hundred", "half a million", "a dozen"', () => {
    const list = figs('Half a million people and twenty-five buses; one hundred and twenty cars, a hundred boats and a dozen trucks.');
    interval(fig(list, 'Half a million people'), 5e5, 5e5);
    interval(fig(list, 'twenty-five buses'), 25, 25);
    assert.equal(fig(list, 'twenty-five buses').noun, 'bus');
    interval(fig(list, 'one hundred and twenty cars'), 120, 120);
    interval(fig(list, 'a hundred boats'), 100, 100);
    interval(fig(list, 'a dozen trucks'), 12, 12);
  });

  test('vague quantities as intervals', () => {
    const list = figs('Tens of thousands of protesters, dozens of people, hundreds of homes, a few hundred police and several thousand troops gathered, a couple of days after millions of viewers watched.');
    interval(fig(list, 'Tens of thousands of protesters'), 2e4, 1e5, false, true);
    interval(fig(list, 'dozens of people'), 24, 100, false, true);
    interval(fig(list, 'hundreds of homes'), 200, 1000, false, true);
    interval(fig(list, 'a few hundred police'), 200, 600, false, true);
    interval(fig(list, 'several thousand troops'), 3000, 10000, false, true);
    interval(fig(list, 'a couple of days'), 2, 3);
    interval(fig(list, 'millions of viewers'), 2e6, 1e9, false, true);
    for (const f of list) assert.equal(f.hedge, 'vague', f.text);
  });

  test('percentages: "%", "per cent", "percent", percentage points, ranges', () => {
    const list = figs('Inflation hit 10.1% in September; unemployment was 4.2 per cent, about 40 percent of voters agreed, turnout rose 2.1 percentage points and growth was 3-4% a year.');
    const inflation = fig(list, '10.1%');
    assert.equal(inflation.kind, 'percent');
    assert.equal(inflation.noun, 'percent');
    assert.ok(inflation.context.includes('inflation'));
    assert.equal(inflation.time, 'in September');
    interval(fig(list, '4.2 per cent'), 4.2, 4.2);
    const about = fig(list, 'about 40 percent');
    interval(about, 36, 44);
    assert.ok(about.context.includes('voter'));
    assert.equal(fig(list, '2.1 percentage points').noun, 'percentage point');
    const range = fig(list, '3-4%');
    assert.equal(range.hedge, 'range');
    interval(range, 3, 4);
  });

  test('money: symbols, codes, scales and currency words', () => {
    const list = figs('The company reported a profit of $2.5bn, a €50 billion aid package, £3m in fines, US$1.2 trillion of assets and 5 million euros, plus tens of millions of dollars.');
    const profit = fig(list, '$2.5bn');
    assert.equal(profit.kind, 'money');
    assert.equal(profit.noun, 'dollar');
    interval(profit, 2.5e9, 2.5e9);
    assert.equal(profit.claimant, 'The company');
    const aid = fig(list, '€50 billion');
    assert.equal(aid.noun, 'euro');
    assert.ok(aid.context.includes('aid') && aid.context.includes('package'));
    interval(fig(list, '£3m'), 3e6, 3e6);
    interval(fig(list, 'US$1.2 trillion'), 1.2e12, 1.2e12);
    assert.equal(fig(list, '5 million euros').noun, 'euro');
    const vague = fig(list, 'tens of millions of dollars');
    assert.equal(vague.kind, 'money');
    assert.equal(vague.hedge, 'vague');
  });

  test('measures and durations', () => {
    const list = figs('The quake of magnitude 7.8 struck 30 km south of the city; the ceasefire lasted 10 days and a 25-year-old man was held for 5 to 10 years.');
    const mag = fig(list, '7.8');
    assert.equal(mag.kind, 'measure');
    assert.equal(mag.noun, 'magnitude');
    assert.equal(fig(list, '30 km').noun, 'kilometre');
    assert.equal(fig(list, '10 days').noun, 'day');
    const age = fig(list, '25-year-old');
    assert.equal(age.kind, 'measure');
    assert.ok(age.context.includes('man'));
    const range = fig(list, '5 to 10 years');
    assert.equal(range.hedge, 'range');
    interval(range, 5, 10);
  });

  test('ordinals', () => {
    const list = figs('Germany, the third-largest economy, shrank for the 10th consecutive month, the worst run of the 21st century.');
    const third = fig(list, 'third-largest economy');
    assert.equal(third.kind, 'ordinal');
    interval(third, 3, 3);
    assert.equal(third.noun, 'economy');
    assert.equal(fig(list, '10th consecutive month').noun, 'month');
    assert.equal(fig(list, '21st century').noun, 'century');
  });

  test('ratios: "one in 10,000 readers", "about one in three households"', () => {
    const list = figs('Only one in 10,000 readers pays. About one in three households cannot heat their homes, the charity said.');
    const r = fig(list, 'one in 10,000 readers');
    assert.equal(r.kind, 'measure');
    interval(r, 1e-4, 1e-4);
    assert.equal(r.noun, 'reader');
    const h = fig(list, 'About one in three households');
    assert.equal(h.hedge, 'approximately');
    assert.equal(h.claimant, 'the charity');
  });
});

describe('hedges', () => {
  test('approximately: around/about/some/roughly ±10 %, nearly/almost [0.9x, x]', () => {
    const list = figs('Roughly 3.4m people need aid. Nearly 2,000 migrants crossed. Almost 50 ships sank. Some 50-odd protesters and 50 or so police came.');
    interval(fig(list, 'Roughly 3.4m people'), 3.06e6, 3.74e6);
    interval(fig(list, 'Nearly 2,000 migrants'), 1800, 2000);
    interval(fig(list, 'Almost 50 ships'), 45, 50);
    assert.equal(fig(list, 'Some 50-odd protesters').hedge, 'approximately');
    assert.equal(fig(list, '50 or so police').noun, 'police');
  });

  test('lower bounds: at least, more than, over, upwards of, in excess of, -plus', () => {
    const list = figs('At least 45 people died; more than 200 were hurt. Upwards of 300 homes and in excess of $1m were lost, with 50-plus journalists and no fewer than 12 ships.');
    interval(fig(list, 'At least 45 people'), 45, Infinity, false, true);
    const more = fig(list, 'more than 200');
    interval(more, 200, Infinity, true, true);
    assert.equal(more.noun, 'person', 'a bare count after "and"/";" takes the noun of the previous count');
    interval(fig(list, 'Upwards of 300 homes'), 300, Infinity, true, true);
    assert.equal(fig(list, 'in excess of $1m').hedge, 'more-than');
    assert.equal(fig(list, '50-plus journalists').hedge, 'more-than');
    assert.equal(fig(list, 'no fewer than 12 ships').hedge, 'at-least');
  });

  test('upper bounds: up to, no more than, less than, under, below, fewer than', () => {
    const list = figs('Up to 500 a day crossed, taking no more than 40 minutes, at less than $5, under 5% and below 100 metres, with fewer than 2,000 attending.');
    const up = fig(list, 'Up to 500');
    assert.equal(up.hedge, 'at-most');
    interval(up, 0, 500);
    interval(fig(list, 'no more than 40 minutes'), 0, 40);
    interval(fig(list, 'less than $5'), 0, 5, false, true);
    interval(fig(list, 'under 5%'), 0, 5, false, true);
    interval(fig(list, 'below 100 metres'), 0, 100, false, true);
    assert.equal(fig(list, 'fewer than 2,000').hedge, 'less-than');
  });

  test('ranges: between … and, to, hyphen, "or", seasons', () => {
    const list = figs('Between 10 and 20 soldiers, 30 to 40 people, 50-60 tanks and two or three witnesses were seen in the 2023-24 season.');
    const between = fig(list, 'Between 10 and 20 soldiers');
    assert.equal(between.hedge, 'range');
    interval(between, 10, 20);
    interval(fig(list, '30 to 40 people'), 30, 40);
    interval(fig(list, '50-60 tanks'), 50, 60);
    interval(fig(list, 'two or three witnesses'), 2, 3);
    const season = fig(list, '2023-24');
    assert.equal(season.kind, 'year');
    interval(season, 2023, 2024);
  });

  test('a change "from X to Y" or "rose X to Y" is two figures, not a range', () => {
    const list = figs('Unemployment rose from 3.9% to 4.2%. Shares rose as much as 8 per cent to 245p.');
    interval(fig(list, '3.9%'), 3.9, 3.9);
    interval(fig(list, '4.2%'), 4.2, 4.2);
    assert.equal(fig(list, 'as much as 8 per cent').kind, 'percent');
    assert.equal(fig(list, '245p').kind, 'money');
  });
});

describe('years, dates and time', () => {
  test('years stand alone or after a preposition; "2000 people" is a count', () => {
    const list = figs('2000 people marched. In 2000 the law changed. The 2022 invasion displaced millions of Ukrainians. Growth in the 1990s was fast.');
    assert.equal(fig(list, '2000 people').kind, 'count');
    assert.equal(fig(list, '2000').kind, 'year');
    assert.equal(fig(list, '2022').kind, 'year');
    const decade = fig(list, '1990s');
    assert.equal(decade.kind, 'year');
    interval(decade, 1990, 1999);
    assert.equal(fig(list, 'millions of Ukrainians').noun, 'ukrainian');
  });

  test('dates in several orders, encoded as yyyymmdd', () => {
    const list = figs('It began on 28 March 2024, was reported on March 28, 2024 and on Sept. 13, and ended on 2024-04-02.');
    interval(fig(list, '28 March 2024'), 20240328, 20240328);
    interval(fig(list, 'March 28, 2024'), 20240328, 20240328);
    interval(fig(list, 'Sept. 13'), 913, 913);
    interval(fig(list, '2024-04-02'), 20240402, 20240402);
    assert.deepEqual(decodeDate(encodeDate(null, 3, 28)), { year: null, month: 3, day: 28 });
    assert.deepEqual(decodeDate(20240328), { year: 2024, month: 3, day: 28 });
  });

  test('datesMeet compares year-less dates on month and day', () => {
    const march28 = { lo: 328, hi: 328 };
    assert.ok(datesMeet(march28, { lo: 20240301, hi: 20240331 }));
    assert.ok(!datesMeet(march28, { lo: 20240401, hi: 20240430 }));
    assert.ok(datesMeet(march28, { lo: 328, hi: 328 }));
    assert.ok(!datesMeet(march28, { lo: 1013, hi: 1013 }));
    assert.ok(datesMeet({ lo: 20240328, hi: 20240328 }, { lo: 20240301, hi: 20240331 }));
    assert.ok(datesMeet(march28, { lo: -Infinity, hi: Infinity }));
  });

  test('the publication date supplies the year and resolves weekdays', () => {
    const list = figs('Russia vetoed the renewal on Thursday. The vote was held on March 28.', '2024-03-29');
    const thursday = fig(list, 'Thursday');
    assert.equal(thursday.kind, 'date');
    interval(thursday, 20240328, 20240328);
    interval(fig(list, 'March 28'), 20240328, 20240328);
  });

  test('an unresolved weekday is a date that fits any day', () => {
    const f = fig(figs('The council met on Thursday.'), 'Thursday');
    assert.equal(f.hedge, 'vague');
    interval(f, -Infinity, Infinity, true, true);
  });

  test('time: the nearest time expression in the sentence', () => {
    const list = figs('Police arrested 12 people on Friday. Last week, 300 jobs went. Over the past decade 40 schools closed. Nearly 2,000 migrants crossed last week.');
    assert.equal(fig(list, '12 people').time, 'on Friday');
    assert.equal(fig(list, '300 jobs').time, 'Last week');
    assert.equal(fig(list, '40 schools').time, 'Over the past decade');
    assert.equal(fig(list, 'Nearly 2,000 migrants').time, 'last week');
    assert.equal(figs('He said 5 men came.')[0].time, null);
  });
});

describe('claimants', () => {
  test('"X said", "said X", "according to X", "X told", apposition, relative "who"', () => {
    const list = figs([
      '"We lost 40 soldiers," said Col. Ivan Petrov, the brigade commander.',
      'According to the Health Ministry, 1,200 people have died.',
      'Dmitry Peskov, the Kremlin spokesman, told reporters that 15 drones were downed.',
      'The figure was disputed by officials, who said that fewer than 2,000 had attended.',
      'At least 30 people died, the Red Cross said in a statement.',
      'The economy grew 2.5%.',
    ].join('\n'));
    assert.equal(fig(list, '40 soldiers').claimant, 'Col. Ivan Petrov');
    assert.equal(fig(list, '1,200 people').claimant, 'the Health Ministry');
    assert.equal(fig(list, '15 drones').claimant, 'Dmitry Peskov');
    assert.equal(fig(list, 'fewer than 2,000').claimant, 'officials');
    assert.equal(fig(list, 'At least 30 people').claimant, 'the Red Cross');
    assert.equal(fig(list, '2.5%').claimant, null);
  });

  test('"he said" resolves to the last claimant named; "employers added jobs" is no attribution', () => {
    const list = figs('Smith said the firm would hire 500 workers. He added that 20 stores would close. Data showed that employers added 275,000 jobs.');
    assert.equal(fig(list, '500 workers').claimant, 'Smith');
    assert.equal(fig(list, '20 stores').claimant, 'Smith');
    assert.equal(fig(list, '275,000 jobs').claimant, 'Data');
  });

  test('a figure that is itself the subject is not its own claimant', () => {
    const f = fig(figs('The move angered several other members, who accused Russia of lying.'), 'several other members');
    assert.equal(f.claimant, null);
  });
});

describe('not figures', () => {
  test('names and codes: COVID-19, G7, F-16, 5G, MH17, Article 5, Resolution 2397, Boeing 737', () => {
    const list = figs('The COVID-19 pandemic hit G7 economies; F-16 jets, 5G masts and flight MH17 were discussed under Article 5 and UN Resolution 2397, with Boeing 737 jets.');
    assert.deepEqual(list.map((f) => f.text), []);
  });

  test('product names: "iPhone 15", "PlayStation 5"', () => {
    const list = figs('The iPhone 15 costs $799 and the PlayStation 5 sold out.');
    assert.deepEqual(list.map((f) => f.text), ['$799']);
  });

  test('phone numbers, clock times, slashed numbers and URLs', () => {
    const list = figs('Call 020 7946 0958 or +1 202-555-0143 at 3pm or 10:30 a.m., open 24/7 since 9/11; see https://example.com/2024/report-55.');
    assert.deepEqual(list.map((f) => f.text), []);
  });

  test('pronoun "one" is not a count; "one person" is', () => {
    const list = figs('One of the victims was a girl. No one was hurt. One analyst said one person died.');
    none(list, /^one$|^One of|^No one/i);
    interval(fig(list, 'One analyst'), 1, 1);
    assert.equal(fig(list, 'one person').noun, 'person');
  });

  test('sports scores and vote tallies are not ranges', () => {
    const list = figs('Real Madrid beat Barcelona 3-1 on Sunday. The Senate voted 51-49. It ended 2-2.');
    none(list, /3-1|51|49|2-2/);
  });

  test('"over the years" and "about the 2024 election" are no hedged figures', () => {
    const list = figs('Over the years, fewer people voted. He spoke about the 2024 election.');
    none(list, /^Over|^about/);
    assert.equal(fig(list, '2024').kind, 'year');
  });
});

describe('elections, weather and records', () => {
  test('"412 of 650 seats" takes its noun from the partitive', () => {
    const list = figs('The Labour Party won 412 of 650 seats, and 7 of the 10 largest banks failed.');
    const won = fig(list, '412');
    assert.equal(won.noun, 'seat');
    assert.equal(fig(list, '650 seats').noun, 'seat');
    assert.equal(fig(list, '7').noun, 'bank');
  });

  test('temperatures keep their scale; big ordinals keep separators', () => {
    const list = figs('Temperatures hit 40C (104F) in London. The museum welcomed its 1,000,000th visitor.');
    assert.equal(fig(list, '40C').noun, 'degree celsius');
    assert.equal(fig(list, '104F').noun, 'degree fahrenheit');
    interval(fig(list, '1,000,000th visitor'), 1e6, 1e6);
  });
});

describe('invariants on mixed news text', () => {
  test('spans are exact slices and lo <= hi on varied sentences', () => {
    const text = [
      'The Fed raised rates by 0.25 percentage points to 5.5%, its 11th increase since March 2022.',
      'Manchester City won 4-0; Haaland scored twice in 20 minutes before a crowd of 53,000.',
      'The storm left 1.3m homes without power across 12 states, officials said on Monday.',
      'Turnout was 67.3%, with 31,123,450 votes cast for 650 seats.',
      'Russia?on Thursday fired more than 90 missiles and about 60 drones.',
      'A 5,000-strong force was deployed in 2014-15 at a cost of £3m.',
    ].join('\n');
    const doc = docFromText(text);
    const list = extractFigures(doc);
    checkSpans(doc, list);
    for (const f of list) assert.ok(f.lo <= f.hi, f.text);
    interval(fig(list, '5.5%'), 5.5, 5.5);
    assert.equal(fig(list, '11th increase').kind, 'ordinal');
    assert.equal(fig(list, '1.3m homes').claimant, 'officials');
    assert.equal(fig(list, 'more than 90 missiles').time, 'on Thursday');
    assert.equal(fig(list, '5,000-strong').noun, 'force');
    none(list, /4-0/);
  });
});
