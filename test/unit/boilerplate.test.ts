import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docFromText, seedDoc } from '../helpers';
import type { Doc } from '../../src/core/types';

const flagged = (doc: Doc, kind: 'boilerplate' | 'caption') =>
  doc.sentences.filter((s) => s[kind]).map((s) => doc.norm.slice(s.start, s.end));

test('membership appeals, newsletter forms and menus in the first seed are boilerplate', () => {
  const doc = seedDoc('000');
  const bp = flagged(doc, 'boilerplate').join('\n');
  for (const t of ['become a member now', 'Millions read the Kyiv Independent', 'Enter your email to subscribe', 'All thanks to 12,000 supporters', 'Help us get 1,000 new members', '* indicates required', 'This audio is created']) {
    assert.ok(bp.includes(t), t);
  }
  const body = doc.sentences.filter((s) => !s.boilerplate && !s.caption).map((s) => doc.norm.slice(s.start, s.end)).join('\n');
  for (const t of ['vetoed the annual renewal', 'a guilty plea', 'more than 1,000 containers', 'created in 2009', 'around 50 times']) {
    assert.ok(body.includes(t), t);
  }
});

test('photo captions and credits are captions, not article text', () => {
  const caps = flagged(seedDoc('001'), 'caption').join('\n');
  assert.ok(caps.includes('Vladimir Smirnov/AP'));
  assert.ok(caps.includes('test-firing missiles - KCNA'));
  assert.ok(flagged(seedDoc('000'), 'caption').join('\n').includes('Getty Images'));
  assert.deepEqual(flagged(seedDoc('004'), 'boilerplate'), ['Image description']);
});

test('articles without furniture have none flagged', () => {
  assert.equal(flagged(seedDoc('002'), 'boilerplate').length, 0);
  assert.equal(flagged(seedDoc('003'), 'boilerplate').length, 0);
});

test('boilerplate in other sites’ wording', () => {
  const doc = docFromText([
    'Sign up for our daily newsletter',
    'The finance minister said inflation fell to 3.1 per cent in October.',
    'Support independent journalism. Donate today and help us keep our reporting free.',
    'Advertisement',
    'Prices of food rose by 5% over the year, the statistics office said.',
    'Read more: How the budget affects you',
    'Share this article',
  ].join('\n'));
  const bp = flagged(doc, 'boilerplate');
  assert.ok(bp.includes('Sign up for our daily newsletter'));
  assert.ok(bp.some((t) => t.startsWith('Support independent journalism')));
  assert.ok(bp.includes('Advertisement'));
  assert.ok(bp.includes('Share this article'));
  assert.ok(bp.some((t) => t.startsWith('Read more')));
  assert.ok(!bp.some((t) => t.includes('inflation')));
  assert.ok(!bp.some((t) => t.includes('Prices of food')));
});
