/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ViewModel } from '../core/view/viewModel';
import type { ViewFilter } from '../shared/protocol';
import type { Column } from './columns';
import { type ColumnRange } from './columnWindow';
import { cellLabels, type CellLabel } from './cellLabels';
import { h, icon } from './dom';
import { cellHasDifference } from './filter';
import { cellMentions, type MentionRef, type ModelIndex } from './modelIndex';
import { nest, segment, type Tree } from './segments';
import { estimateLinesIn } from './layoutEstimate';
import { splitControls } from './bidi';

/** Everything a row needs to draw itself; rebuilt when the model or the filter changes. */
export interface RenderContext {
  model: ViewModel;
  idx: ModelIndex;
  columns: Column[];
  /** Per row, the columns holding a cell of it, in column order (`columnsByRow`). */
  byRow: ReadonlyArray<ReadonlyArray<Column>>;
  /** Position in `columns` of each shown source. */
  positions: ReadonlyMap<number, number>;
  filter: ViewFilter;
  /** Short letter per source index (A, B, …) tying tooltip versions to columns. */
  letters: string[];
  /** Called for every mention element drawn, so the panel can find it again. */
  register(el: HTMLElement, ref: MentionRef): void;
  /** Source offset of the first character of each drawn text node: clicks map back to offsets. */
  textOffsets: WeakMap<Text, number>;
  /** Characters on one line of a cell, measured by the grid; used to estimate row heights. */
  charsPerLine: number;
}

/** Line height of cell text (1.6 × 14px) and the padding and furniture label around it. */
const LINE_PX = 22.4;
const CELL_PADDING_PX = 24;
const CHIP_PX = 20;

/**
 * An empty row element with the height its text will roughly take, so the scroll bar is
 * right before the row is drawn (rows are filled lazily; see grid.ts).
 */
export function rowShell(ctx: RenderContext, row: number, position: number): HTMLElement {
  const r = ctx.model.rows[row];
  const shown = ctx.byRow[row];
  const diff = shown.some((c) => cellHasDifference(ctx.idx, row, c.source, ctx.filter));
  const allBoilerplate = shown.every((c) => r.cells[c.source]!.boilerplate);
  const level = !isShared(ctx, row) ? '' : r.similarity >= 0.7 ? ' level-high' : r.similarity >= 0.4 ? ' level-mid' : ' level-low';
  const el = h('div', {
    class: `row ${isShared(ctx, row) ? 'passage' : 'single'}${level}${diff ? ' has-diff' : ''}${allBoilerplate ? ' all-boilerplate' : ''}`,
    attrs: { role: 'row', 'aria-rowindex': position + 2, 'data-row': row },
  });
  const est = Math.max(
    0,
    ...shown.map((c) => {
      const cell = r.cells[c.source]!;
      return estimateLinesIn(ctx.model.sources[c.source].text, cell.start, cell.end, ctx.charsPerLine) * LINE_PX + (cell.boilerplate ? CHIP_PX : 0);
    }),
  );
  el.style.setProperty('--est', `${Math.round(est + CELL_PADDING_PX)}px`);
  return el;
}

/**
 * A row is drawn as shared text only when two shown columns hold it: a passage whose other
 * member is a folded copy reads as one source's text, without "not in this source" beside it.
 */
function isShared(ctx: RenderContext, row: number): boolean {
  return ctx.model.rows[row].passage !== null && ctx.byRow[row].length >= 2;
}

/**
 * Draws a row's contents: the gutter, every cell that holds text (whatever its column: the
 * row's height, Find and navigation depend on them) and the empty cells of the columns in
 * `range` (see columnWindow.ts). Each cell is placed in its own grid column, so the columns
 * left out still take their width and everything drawn lines up under its header.
 */
export function fillRow(ctx: RenderContext, el: HTMLElement, row: number, range: ColumnRange): void {
  el.append(gutter(ctx, row));
  for (const c of ctx.byRow[row]) {
    const p = ctx.positions.get(c.source)!;
    el.append(cellView(ctx, row, c, p));
  }
  widenRow(ctx, el, row, range);
  el.classList.add('filled');
}

/** Adds to a drawn row the empty cells of `range` it does not have yet, in column order. */
export function widenRow(ctx: RenderContext, el: HTMLElement, row: number, range: ColumnRange): void {
  let next = el.firstElementChild?.nextElementSibling ?? null;
  for (let p = range.from; p < range.to; p++) {
    while (next && positionOf(next) < p) next = next.nextElementSibling;
    if (next && positionOf(next) === p) continue;
    el.insertBefore(cellView(ctx, row, ctx.columns[p], p), next);
  }
}

/** The cell of a drawn row in column `position`, drawn now if it was left out. */
export function cellAt(ctx: RenderContext, el: HTMLElement, row: number, position: number): HTMLElement | null {
  if (position < 0 || position >= ctx.columns.length) return null;
  let next = el.firstElementChild?.nextElementSibling ?? null;
  while (next && positionOf(next) < position) next = next.nextElementSibling;
  if (next && positionOf(next) === position) return next as HTMLElement;
  return el.insertBefore(cellView(ctx, row, ctx.columns[position], position), next);
}

/** Column position of a drawn cell; anything else sorts after every cell. */
export function positionOf(cell: Element): number {
  const p = cellPositions.get(cell);
  return p === undefined ? Infinity : p;
}

const cellPositions = new WeakMap<Element, number>();

function gutter(ctx: RenderContext, row: number): HTMLElement {
  const r = ctx.model.rows[row];
  const shown = ctx.byRow[row];
  const diff = shown.some((c) => cellHasDifference(ctx.idx, row, c.source, ctx.filter));
  if (!isShared(ctx, row)) {
    const bp = shown.every((c) => r.cells[c.source]!.boilerplate);
    const captions = bp && shown.every((c) => r.cells[c.source]!.caption);
    const label = captions ? 'Photo captions: names compared, figures and quotes not' : bp ? 'Site furniture, not compared' : diff ? 'Text of one source, with a difference' : 'Text of one source';
    return h('div', { class: 'gutter', attrs: { role: 'rowheader', 'aria-label': label, title: label } }, [bp ? icon('circle-slash') : diff ? icon('warning', 'gut-diff') : null]);
  }
  const pct = Math.round(r.similarity * 100);
  const label = `Reported by ${r.independentSources} independent source${r.independentSources === 1 ? '' : 's'}, ${pct}% alike${diff ? ', with a difference' : ''}`;
  return h('div', { class: 'gutter', attrs: { role: 'rowheader', 'aria-label': label, title: label } }, [
    h('span', { class: 'gut-count', text: String(r.independentSources) }),
    diff ? icon('warning', 'gut-diff') : icon('link', 'gut-link'),
  ]);
}

function cellView(ctx: RenderContext, row: number, col: Column, position: number): HTMLElement {
  const r = ctx.model.rows[row];
  const cell = r.cells[col.source];
  const el = h('div', { class: `cell${col.copyOf !== null ? ' is-copy' : ''}`, attrs: { role: 'gridcell', tabindex: -1, 'data-source': col.source, 'aria-colindex': position + 2 } });
  // Columns before it may not be drawn (columnWindow.ts): the cell names its own grid column.
  el.style.gridColumnStart = String(position + 2);
  cellPositions.set(el, position);
  if (!cell) {
    el.classList.add('empty');
    // In a passage row a blank column is information: this source does not report it.
    if (isShared(ctx, row)) el.append(h('span', { class: 'absent', text: 'not in this source' }));
    return el;
  }
  el.dataset.start = String(cell.start);
  el.dataset.end = String(cell.end);
  const source = ctx.model.sources[col.source];
  if (cell.boilerplate) {
    el.classList.add('boilerplate');
    // A caption still counts for names (it shows how the outlet spells them), so it says so.
    const chip = cell.caption ? [icon('device-camera'), 'Photo caption · names only'] : [icon('circle-slash'), 'Site furniture · not compared'];
    el.append(h('div', { class: 'bp-chip' }, chip));
  }
  const labels = cellLabels(source, cell, isShared(ctx, row), cellMentions(ctx.idx, row, col.source), ctx.filter);
  const tree = nest(segment(cell.start, cell.end, labels), (l) => l.type === 'mention');
  const text = h('div', { class: 'text' });
  drawTree(ctx, source.text, tree, text, { boilerplate: cell.boilerplate });
  el.append(text);
  return el;
}

/** Draws the nested segments; `state` carries whether the previous leaf was furniture, to label where it starts. */
function drawTree(ctx: RenderContext, text: string, nodes: Tree<CellLabel>[], parent: HTMLElement, state: { boilerplate: boolean }): void {
  for (const node of nodes) {
    if (node.kind === 'wrap') {
      if (node.label.type !== 'mention') continue;
      const ref = node.label.ref;
      const f = ref.finding;
      const mark = h('mark', {
        class: `m k-${f.kind} v-${f.verdict}${node.continued ? ' continued' : ''}`,
        attrs: { 'data-key': ref.key, tabindex: -1, 'aria-description': `${f.kind} — ${f.verdict === 'differ' ? 'differs' : 'agrees'} (${f.detail})` },
      });
      ctx.register(mark, ref);
      drawTree(ctx, text, node.children, mark, state);
      parent.append(mark);
      continue;
    }
    const bp = node.classes.some((l) => l.type === 'boilerplate');
    const dw = node.classes.some((l) => l.type === 'diff');
    // Furniture inside an article cell is labelled where it begins (a CSS ::before, so copying
    // the text does not pick the label up): dimming alone would be a cue by colour only.
    const classes = [bp ? 'bp' : '', bp && !state.boilerplate ? 'bp-start' : '', dw ? 'dw' : ''].filter(Boolean).join(' ');
    state.boilerplate = bp;
    const target = classes ? h('span', { class: classes }) : parent;
    for (const piece of splitControls(text.slice(node.start, node.end))) {
      if (piece.control) {
        // The control character itself is left out of the page (it would reorder the text);
        // a token drawn by CSS shows where it was without becoming part of copied text.
        target.append(h('span', { class: 'bidi-ctrl', attrs: { 'data-name': piece.control, role: 'img', 'aria-label': `${piece.control} control character` } }));
        continue;
      }
      const t = document.createTextNode(piece.text);
      ctx.textOffsets.set(t, node.start + piece.at);
      target.append(t);
    }
    if (target !== parent) parent.append(target);
  }
}
