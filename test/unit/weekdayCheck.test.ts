import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSources } from '../../src/core/compare/compareSources';
import { readPlainText } from '../../src/core/sources/plainText';
import { formatDay, weekdayFits, weekdayOf } from '../../src/core/extract/dates';
import type { CompareResult } from '../../src/core/result';
import { checkDraft } from '../../src/core/draft/checkDraft';
import { docFromText } from '../helpers';

/**
 * A weekday in one report ("on Tuesday") and a date in another ("March 4") about the same
 * event: one finding, checked against the calendar when the year is known. Invented reports
 * of an invented event (2025-03-04 was a Tuesday).
 */
function compare(...texts: string[]): CompareResult {
  return compareSources(texts.map((t, i) => ({ id: `r${i}.txt`, path: `r${i}.txt`, read: readPlainText(t) })));
}

const dateFindings = (r: CompareResult) => r.findings.filter((f) => f.kind === 'figure' && f.summary.startsWith('Date of'));
const summaries = (r: CompareResult) => JSON.stringify(r.findings.map((f) => f.summary), null, 1);

const STORY = (when: string) => [
  `The Harlow city council voted ${when} to close the Dunmore bridge to lorries after engineers found cracks in two of its piers.`,
  'Residents of the eastern districts said the detour would add twenty minutes to their journeys.',
].join('\n');

/** The same event told by another outlet in its own words (not a copy of STORY). */
const OTHER = (when: string) => [
  `Lorries will no longer be allowed on the Dunmore bridge after Harlow's city council voted ${when} to close it, citing cracks that engineers found in two piers.`,
  'Hauliers warned that the ban would push heavy traffic through the old town.',
].join('\n');

test('the calendar: which weekdays a day or a few days can be', () => {
  assert.equal(weekdayFits('tuesday', 20250304, 20250304), true);
  assert.equal(weekdayFits('wednesday', 20250304, 20250304), false);
  assert.equal(weekdayFits('wednesday', 20250303, 20250305), true, 'three days hold a Wednesday');
  assert.equal(weekdayFits('sunday', 20250303, 20250305), false);
  assert.equal(weekdayFits('sunday', 20250301, 20250331), null, 'a month holds every weekday');
  assert.equal(weekdayFits('tuesday', 304, 304), null, 'no year: cannot be told');
  assert.equal(weekdayFits('tuesday', -Infinity, Infinity), null);
  assert.equal(weekdayFits('tuesday', 20250231, 20250231), null, 'a day that does not exist');
  assert.equal(weekdayOf(20240328), 'thursday');
  assert.equal(weekdayOf(328), null);
  assert.equal(formatDay(20240328), 'March 28, 2024');
  assert.equal(formatDay(328), 'March 28');
});

test('“on Tuesday” and “on March 4, 2025” (a Tuesday) about the same vote agree', () => {
  const r = compare(STORY('on Tuesday'), OTHER('on March 4, 2025'));
  const dates = dateFindings(r);
  assert.equal(dates.length, 1, summaries(r));
  assert.equal(dates[0].verdict, 'agree');
  assert.deepEqual(dates[0].mentions.map((m) => m.text).sort(), ['March 4, 2025', 'Tuesday'].sort());
  assert.match(dates[0].summary, /agree \(March 4, 2025 was a Tuesday\)$/);
});

test('“on Wednesday” and “on March 4, 2025” (a Tuesday) about the same vote conflict, and the finding says why', () => {
  const r = compare(STORY('on Wednesday'), OTHER('on March 4, 2025'));
  const dates = dateFindings(r);
  assert.equal(dates.length, 1, summaries(r));
  assert.equal(dates[0].verdict, 'differ');
  assert.equal(dates[0].detail, 'conflict');
  assert.match(dates[0].summary, /March 4, 2025 was a Tuesday, not a Wednesday$/);
});

test('a date without its year takes the year another report gives, and the weekday is checked against it', () => {
  const month = [
    'In March 2025, the Harlow city council closed the Dunmore bridge to lorries after engineers found cracks in two of its piers.',
    'The bridge carries some 9,000 vehicles a day.',
  ].join('\n');
  const agree = compare(STORY('on Tuesday'), OTHER('on March 4'), month);
  const same = dateFindings(agree).find((f) => f.mentions.some((m) => m.text.includes('Tuesday')));
  assert.ok(same, summaries(agree));
  assert.equal(same.verdict, 'agree');
  assert.ok(same.mentions.some((m) => m.text.includes('March 4')), summaries(agree));
  assert.match(same.summary, /\(March 4, 2025 was a Tuesday\)$/, 'checked against the year the month gives');

  const differ = compare(STORY('on Thursday'), OTHER('on March 4'), month);
  const conflict = dateFindings(differ).find((f) => f.mentions.some((m) => m.text.includes('Thursday')));
  assert.ok(conflict, summaries(differ));
  assert.equal(conflict.detail, 'conflict');
  assert.match(conflict.summary, /March 4, 2025 was a Tuesday, not a Thursday$/);
});

test('without a year anywhere, a weekday and a date of the same vote agree: nothing says otherwise', () => {
  const r = compare(STORY('on Wednesday'), OTHER('on March 4'));
  const dates = dateFindings(r);
  assert.equal(dates.length, 1, summaries(r));
  assert.equal(dates[0].verdict, 'agree');
  assert.doesNotMatch(dates[0].summary, /was a/, 'nothing was checked, and the summary does not say it was');
});

test('a weekday is not paired with the date of another event in the same passage, even one on that weekday', () => {
  const a = 'The Harlow city council voted on Tuesday to close the Dunmore bridge to lorries, weeks after engineers found cracks in two of its piers.';
  // January 7, 2025 was a Tuesday too: the day the cracks were found, not the day of the vote.
  for (const when of ['January 7, 2025', 'January 7', 'January 9, 2025']) {
    const b = `Engineers found cracks in two piers of the Dunmore bridge on ${when}, and the Harlow city council has now voted to close it to lorries.`;
    const r = compare(a, b);
    assert.equal(r.passages.length, 1, 'one passage: the pairing is not ruled out by the alignment');
    assert.equal(dateFindings(r).length, 0, `${when}: ${summaries(r)}`);
  }
});

/** A draft's weekday with no date of its own, against the sources' report of the same thing. */
function checkWeekdayInDraft(text: string, ...sources: string[]) {
  const docs = sources.map((t, i) => docFromText(t, `r${i}.txt`));
  return checkDraft({ id: 'draft.md', text, kind: 'markdown' }, docs).filter((d) => d.kind === 'figure');
}

const DRAFT = (when: string) => `The Harlow city council voted ${when} to close the Dunmore bridge to lorries after engineers found cracks in two of its piers.`;

test('a draft: “on Wednesday” for a vote the sources date March 4, 2025 (a Tuesday) is a warning that says why', () => {
  const ds = checkWeekdayInDraft(DRAFT('on Wednesday'), STORY('on Tuesday'), OTHER('on March 4, 2025'));
  assert.equal(ds.length, 1, JSON.stringify(ds));
  assert.equal(ds[0].severity, 'warning');
  assert.equal(ds[0].text, 'Wednesday');
  assert.match(ds[0].message, /“March 4, 2025” \(r1\.txt\): March 4, 2025 was a Tuesday, not a Wednesday\.$/);
  assert.deepEqual(ds[0].evidence.map((e) => e.text), ['March 4, 2025']);
});

test('a draft: the right weekday, or one a source names, is quiet', () => {
  assert.deepEqual(checkWeekdayInDraft(DRAFT('on Tuesday'), STORY('on Tuesday'), OTHER('on March 4, 2025')), []);
  assert.deepEqual(checkWeekdayInDraft(DRAFT('on Tuesday'), OTHER('on March 4, 2025')), []);
  // Without a year the day's weekday is unknown: nothing to say.
  assert.deepEqual(checkWeekdayInDraft(DRAFT('on Wednesday'), OTHER('on March 4')), []);
});

test('a draft: another weekday the sources give for the same vote is a warning; one for another event is not', () => {
  const ds = checkWeekdayInDraft(DRAFT('on Wednesday'), STORY('on Tuesday'), OTHER('on Tuesday'));
  assert.equal(ds.length, 1, JSON.stringify(ds));
  assert.match(ds[0].message, /^The sources give “Tuesday” \(r0\.txt, r1\.txt\) for this\.$/);
  const elsewhere = 'On Friday the Harlow city council voted to close the Dunmore bridge to lorries after engineers found cracks in two of its piers, and residents protested on Monday.';
  assert.deepEqual(checkWeekdayInDraft('Residents protested on Saturday against the closure of the bridge.', elsewhere, STORY('on Friday')), []);
});
