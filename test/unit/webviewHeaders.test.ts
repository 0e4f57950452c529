import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { seedsModel } from '../webview/models';
import type { Column } from '../../src/webview/columns';

/**
 * The panel's column headers, drawn into a linkedom document: a column that repeats in many
 * copies names two and offers the rest as a button that shows every copy (the real panel is
 * driven in a browser by test/ui/; this checks the header on its own).
 */
const { document, window } = parseHTML('<!DOCTYPE html><html><body></body></html>');
Object.assign(globalThis, { document, HTMLElement: window.HTMLElement, Node: window.Node });

async function header(copies: number, showCopies?: () => void) {
  const { HeaderRow } = await import('../../src/webview/headers');
  const base = seedsModel();
  // One original and `copies` copies of it (clones of the same source under other ids).
  const sources = [base.sources[0], ...Array.from({ length: copies }, (_, i) => ({ ...base.sources[0], id: `copy_${i + 1}.txt`, copyOf: base.sources[0].id }))];
  const model = { ...base, sources, rows: [] };
  const columns: Column[] = [{ source: 0, copies: sources.slice(1).map((_, i) => i + 1), copyOf: null }];
  const opened: number[] = [];
  const row = new HeaderRow(model, columns, sources.map((_, i) => String.fromCharCode(65 + (i % 26))), { open: (s) => opened.push(s), showCopies });
  return { el: row.el, opened };
}

test('a header with up to three copies names each; with more, two and a “+N more copies” button that shows them', async () => {
  const few = await header(3, () => undefined);
  assert.equal(few.el.querySelectorAll('.badge-copies').length, 3);
  assert.equal(few.el.querySelector('.badge-more'), null);

  let shown = 0;
  const many = await header(28, () => shown++);
  const badges = [...many.el.querySelectorAll('.badge-copies')];
  assert.equal(badges.length, 3, 'two named, one counting the rest');
  const more = many.el.querySelector('.badge-more')!;
  assert.equal(more.tagName, 'BUTTON');
  assert.equal(more.getAttribute('type'), 'button');
  assert.equal(more.textContent?.trim(), '+26 more copies');
  assert.match(more.getAttribute('aria-label') ?? '', /^\+26 more copies of .+: show each in its own column$/);
  assert.match(more.getAttribute('title') ?? '', /^copy_3\.txt\ncopy_4\.txt\n/);
  more.dispatchEvent(new window.Event('click'));
  assert.equal(shown, 1, 'the click shows the copies');
});

test('without a way to show copies, the count is plain text, not a button that does nothing', async () => {
  const { el } = await header(10);
  const more = el.querySelector('.badge-more')!;
  assert.equal(more.tagName, 'SPAN');
  assert.equal(more.textContent?.trim(), '+8 more copies');
});
