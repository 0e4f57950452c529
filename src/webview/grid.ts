/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { h } from './dom';
import { HeaderRow, type HeaderActions } from './headers';
import type { MentionRef } from './modelIndex';
import { cellAt, fillRow, rowShell, widenRow, type RenderContext } from './rowView';
import { columnRange, sameRange, type ColumnGeometry, type ColumnRange } from './columnWindow';
import { sentenceAt } from './sentences';
import { measureCharsPerLine, offsetAtPoint, Pinner } from './measure';
import { neighbourCell } from './gridKeys';

/**
 * The one scroll container: a sticky header row and one element per row, every row a CSS
 * grid with the same column template, so horizontal and vertical scrolling move all columns
 * together. Rows are created as empty shells of estimated height and filled lazily — when
 * they come near the viewport (IntersectionObserver) and, in the background, a few
 * milliseconds per frame — so thousands of rows never block the panel. Browser scroll
 * anchoring keeps the text in view still while rows above it fill in. Sideways, a row draws
 * all its cells with text but its empty cells only near the horizontal viewport, and the
 * headers near it first (columnWindow.ts): with hundreds of sources that is what keeps the
 * rows in view cheap to lay out and paint.
 */

export interface GridEvents {
  /** Open the source at a range (a clicked sentence, a cell, a header). */
  open(source: number, start: number, end: number): void;
  /** A mention was clicked or activated with Enter. */
  activate(ref: MentionRef, el: HTMLElement): void;
  /** Pointer entered / left a mention (null). */
  hover(ref: MentionRef | null, el: HTMLElement | null): void;
  /** Keyboard focus reached a mention. */
  focusMention(ref: MentionRef, el: HTMLElement): void;
  /** Focus left the mentions (to somewhere that is not the tooltip). */
  blurMention(): void;
  scrolled(): void;
  /** Every row is drawn (for the harness and for timing). */
  complete(ms: number): void;
}

const FRAME_BUDGET_MS = 8;
const NEAR_PX = 800;
const NEAR_VIEWPORT = `${NEAR_PX}px 0px`;

export class Grid {
  readonly scroller: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly head: HTMLElement;
  private readonly body: HTMLElement;
  private ctx: RenderContext | null = null;
  private rows: number[] = [];
  private readonly rowEls = new Map<number, HTMLElement>();
  private readonly marks = new Map<string, HTMLElement[]>();
  private readonly findingMarks = new Map<string, HTMLElement[]>();
  private readonly refs = new WeakMap<HTMLElement, MentionRef>();
  private observer: IntersectionObserver | null = null;
  private generation = 0;
  private nextToFill = 0;
  private selectedFinding: string | null = null;
  private currentKey: string | null = null;
  private activeCell: HTMLElement | null = null;
  private readonly pins: Pinner;
  private header: HeaderRow | null = null;
  private geometry: ColumnGeometry = { count: 0, width: 0, gutter: 0, viewport: 0 };
  /** The columns whose empty cells and headers are drawn (columnWindow.ts). */
  private range: ColumnRange = { from: 0, to: 0 };
  /** Bumped when `range` changes; per drawn row, the value it was last widened for. */
  private rangeVersion = 0;
  private readonly widenedFor = new Map<number, number>();

  constructor(private readonly events: GridEvents) {
    this.head = h('div', { class: 'grid-head', attrs: { role: 'rowgroup' } });
    this.body = h('div', { class: 'grid-body', attrs: { role: 'rowgroup' } });
    this.grid = h('div', { class: 'grid', attrs: { role: 'grid', 'aria-label': 'Sources side by side', 'aria-readonly': 'true' } }, [this.head, this.body]);
    this.scroller = h('div', { class: 'scroller' }, [this.grid]);
    this.pins = new Pinner(this.scroller);
    this.listen();
  }

  /** Draws a new set of rows: shells at once, their contents near the viewport and then in the background. */
  render(ctx: RenderContext, rows: number[], headerActions: HeaderActions): void {
    const gen = ++this.generation;
    const t0 = performance.now();
    this.ctx = ctx;
    this.rows = rows;
    this.observer?.disconnect();
    this.rowEls.clear();
    this.widenedFor.clear();
    this.marks.clear();
    this.findingMarks.clear();
    this.activeCell = null;
    this.nextToFill = 0;
    const n = ctx.columns.length;
    // Two to four sources share the width; past four, columns keep a readable minimum and the
    // grid scrolls sideways (set as custom properties through CSSOM, which the CSP allows).
    this.grid.style.setProperty('--cols', String(n));
    this.grid.classList.toggle('wide', n > 4);
    this.scroller.classList.toggle('wide', n > 4);
    this.grid.setAttribute('aria-colcount', String(n + 1));
    this.grid.setAttribute('aria-rowcount', String(rows.length + 1));
    this.header = new HeaderRow(ctx.model, ctx.columns, ctx.letters, headerActions);
    this.head.replaceChildren(this.header.el);
    // Emptied first, so that measuring does not lay out the rows about to be thrown away.
    this.body.replaceChildren();
    ctx.charsPerLine = measureCharsPerLine(this.body, this.grid, n);
    this.measureColumns();
    this.range = columnRange(this.geometry, this.scroller.scrollLeft);
    this.header.drawRange(this.range);
    // Keyboard moves and scrollIntoView then stop below the sticky headers, not under them.
    this.scroller.style.setProperty('scroll-padding-top', `${this.head.offsetHeight}px`);

    const shells = rows.map((row, i) => {
      const el = rowShell(ctx, row, i);
      this.rowEls.set(row, el);
      return el;
    });
    this.body.replaceChildren(...shells);
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: this.scroller, rootMargin: NEAR_VIEWPORT });
    for (const el of shells) this.observer.observe(el);
    this.fillBackground(gen, t0);
  }

  get headHeight(): number {
    return this.head.offsetHeight;
  }

  /** Fills a row now (for navigation to a row that has not come into view yet). */
  ensureFilled(row: number): HTMLElement | null {
    const el = this.rowEls.get(row);
    if (!el || !this.ctx) return null;
    if (!el.classList.contains('filled')) {
      fillRow(this.ctx, el, row, this.range);
      this.widenedFor.set(row, this.rangeVersion);
      this.observer?.unobserve(el);
    }
    return el;
  }

  /** The cell of a row in a column, the row and the cell drawn first if they were not. */
  private cellIn(row: number, position: number): HTMLElement | null {
    const el = this.ensureFilled(row);
    return el && this.ctx ? cellAt(this.ctx, el, row, position) : null;
  }

  /** Where the columns lie: read once per render and on resize, so scrolling needs no layout. */
  private measureColumns(): void {
    const count = this.ctx?.columns.length ?? 0;
    const gutter = parseFloat(getComputedStyle(this.grid).getPropertyValue('--gutter')) || 0;
    const width = count ? (this.grid.clientWidth - gutter) / count : 0;
    this.geometry = { count, width, gutter, viewport: this.scroller.clientWidth };
  }

  /** Draws the headers of the columns near `scrollLeft`, and their empty cells in the drawn rows near the viewport. */
  private showColumns(scrollLeft: number): void {
    this.setRange(scrollLeft);
    this.widenNear();
  }

  private setRange(scrollLeft: number): void {
    const range = columnRange(this.geometry, scrollLeft);
    if (sameRange(range, this.range)) return;
    this.range = range;
    this.rangeVersion++;
    this.header?.drawRange(range);
  }

  /**
   * Rows drawn while other columns were in view lack the empty cells of the columns in view
   * now: those near the viewport (as far as the IntersectionObserver looks) get them. Found by
   * position, as `anchor` does, rather than by observing every row for good: thousands of
   * observed rows cost every frame.
   */
  private widenNear(): void {
    if (!this.ctx || !this.rows.length) return;
    const top = this.scroller.scrollTop - NEAR_PX;
    const bottom = this.scroller.scrollTop + this.scroller.clientHeight + NEAR_PX;
    for (let i = this.rowAt(top); i < this.rows.length; i++) {
      const row = this.rows[i];
      const el = this.rowEls.get(row)!;
      if (el.offsetTop > bottom) break;
      if (!el.classList.contains('filled') || this.widenedFor.get(row) === this.rangeVersion) continue;
      widenRow(this.ctx, el, row, this.range);
      this.widenedFor.set(row, this.rangeVersion);
    }
  }

  /** Position in `rows` of the first row whose bottom is below `y` (grid coordinates). */
  private rowAt(y: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const el = this.rowEls.get(this.rows[mid])!;
      if (el.offsetTop + el.offsetHeight <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Marks the selected finding's mentions everywhere and the current difference with a ring. */
  setSelection(finding: string | null, current: string | null): void {
    for (const el of this.findingMarks.get(this.selectedFinding ?? '') ?? []) el.classList.remove('is-selected');
    for (const el of this.marks.get(this.currentKey ?? '') ?? []) el.classList.remove('is-current');
    this.selectedFinding = finding;
    this.currentKey = current;
    for (const el of this.findingMarks.get(finding ?? '') ?? []) el.classList.add('is-selected');
    for (const el of this.marks.get(current ?? '') ?? []) el.classList.add('is-current');
  }

  /** Called by rows as they fill: remember every mention element and give it its state. */
  readonly register = (el: HTMLElement, ref: MentionRef): void => {
    this.refs.set(el, ref);
    push(this.marks, ref.key, el);
    push(this.findingMarks, ref.finding.id, el);
    if (ref.finding.id === this.selectedFinding) el.classList.add('is-selected');
    if (ref.key === this.currentKey) el.classList.add('is-current');
  };

  /** Scrolls a mention to the middle of the screen (filling its row first) and focuses it. */
  reveal(ref: MentionRef, focus: boolean): HTMLElement | null {
    this.ensureFilled(ref.row);
    const el = this.marks.get(ref.key)?.[0];
    if (!el) return null;
    this.ensureCellVisible(el);
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.pins.pin(el, this.viewportTop(el));
    if (focus) {
      this.setActiveCell(el.closest<HTMLElement>('.cell'));
      el.focus({ preventScroll: true });
    }
    return el;
  }

  /** The row at the top of the screen and how far into it the reader has scrolled. */
  anchor(): { row: string; offset: number } | null {
    if (!this.ctx || !this.rows.length) return null;
    const top = this.scroller.scrollTop + this.headHeight;
    const lo = this.rowAt(top);
    return { row: this.ctx.model.rows[this.rows[lo]].id, offset: Math.round(top - this.rowEls.get(this.rows[lo])!.offsetTop) };
  }

  restoreAnchor(anchor: { row: string; offset: number } | null, scrollLeft: number): void {
    if (!this.ctx || !anchor) return;
    const row = this.ctx.model.rows.findIndex((r) => r.id === anchor.row);
    const at = this.rows.indexOf(row);
    if (at < 0) return;
    // Only the range: the rows about to be drawn get its cells, and measuring which drawn rows
    // are near would lay out the whole grid once more before they are.
    this.setRange(scrollLeft);
    // Draw the rows that will be on screen before measuring, so the offset lands on real text.
    for (let i = Math.max(0, at - 2); i < Math.min(this.rows.length, at + 12); i++) this.ensureFilled(this.rows[i]);
    const el = this.rowEls.get(row)!;
    this.scroller.scrollTop = el.offsetTop - this.headHeight + anchor.offset;
    this.scroller.scrollLeft = scrollLeft;
    this.pins.pin(el, this.headHeight - anchor.offset);
  }

  private viewportTop(el: HTMLElement): number {
    return el.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top;
  }

  /** The first row at or below the top of the screen, as a position in the drawn rows. */
  firstVisiblePosition(): number {
    const a = this.anchor();
    if (!a || !this.ctx) return 0;
    const row = this.ctx.model.rows.findIndex((r) => r.id === a.row);
    return Math.max(0, this.rows.indexOf(row));
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const el = e.target as HTMLElement;
      this.ensureFilled(Number(el.dataset.row));
    }
    if (!this.activeCell) this.setActiveCell(this.firstCell());
  }

  /**
   * The cell that is first in the tab order until the reader picks one: the first cell with
   * text of the first row, wherever the screen is (the rows are drawn from the top in the
   * background, and it was always the first one drawn there).
   */
  private firstCell(): HTMLElement | null {
    return this.rows.length ? (this.ensureFilled(this.rows[0])?.querySelector<HTMLElement>(':scope > .cell:not(.empty)') ?? null) : null;
  }

  private fillBackground(gen: number, t0: number): void {
    const step = () => {
      if (gen !== this.generation) return;
      const until = performance.now() + FRAME_BUDGET_MS;
      // Headers first: there are few, and Find should find every source's title.
      this.header?.drawRest(until);
      while (this.nextToFill < this.rows.length && performance.now() < until) this.ensureFilled(this.rows[this.nextToFill++]);
      if (!this.activeCell) this.setActiveCell(this.firstCell());
      if (this.nextToFill < this.rows.length || !this.header?.complete) requestAnimationFrame(step);
      else this.events.complete(performance.now() - t0);
    };
    // From the second frame: the first one paints the rows in view (filled by restoreAnchor
    // and the observer) without waiting for background work.
    requestAnimationFrame(() => requestAnimationFrame(step));
  }

  /** Roving tabindex: one cell of the grid is in the tab order, and the mentions inside it. */
  private setActiveCell(cell: HTMLElement | null): void {
    if (!cell || cell === this.activeCell) return;
    if (this.activeCell) {
      this.activeCell.tabIndex = -1;
      for (const m of this.activeCell.querySelectorAll<HTMLElement>('mark')) m.tabIndex = -1;
    }
    this.activeCell = cell;
    cell.tabIndex = 0;
    for (const m of cell.querySelectorAll<HTMLElement>('mark')) m.tabIndex = 0;
  }

  /** Horizontal scrolling alone would leave a cell of a wide grid under the sticky gutter. */
  private ensureCellVisible(el: HTMLElement): void {
    const cell = el.closest<HTMLElement>('.cell');
    if (!cell) return;
    const gutter = this.body.querySelector<HTMLElement>('.gutter')?.offsetWidth ?? 0;
    const left = cell.offsetLeft - gutter;
    const right = cell.offsetLeft + cell.offsetWidth;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (right > this.scroller.scrollLeft + this.scroller.clientWidth) this.scroller.scrollLeft = right - this.scroller.clientWidth;
  }

  private listen(): void {
    this.scroller.addEventListener(
      'scroll',
      () => {
        this.showColumns(this.scroller.scrollLeft);
        this.events.scrolled();
      },
      { passive: true },
    );
    // A wider or narrower panel shows other columns (and a narrower grid has narrower ones).
    new ResizeObserver(() => {
      if (!this.ctx) return;
      this.measureColumns();
      this.showColumns(this.scroller.scrollLeft);
    }).observe(this.scroller);
    // The reader taking over the scroll ends any pin.
    const release = () => this.pins.release();
    this.scroller.addEventListener('keydown', release);
    this.scroller.addEventListener('wheel', release, { passive: true });
    this.scroller.addEventListener('pointerdown', release, { passive: true });
    this.scroller.addEventListener('touchstart', release, { passive: true });
    this.body.addEventListener('click', (e) => this.onClick(e));
    this.body.addEventListener('keydown', (e) => this.onKey(e));
    this.body.addEventListener('pointerover', (e) => {
      const m = (e.target as Element).closest<HTMLElement>('mark.m');
      const ref = m && this.refs.get(m);
      if (m && ref) this.events.hover(ref, m);
    });
    this.body.addEventListener('pointerout', (e) => {
      const m = (e.target as Element).closest<HTMLElement>('mark.m');
      const to = e.relatedTarget as Element | null;
      if (m && !(to && m.contains(to))) this.events.hover(null, null);
    });
    this.body.addEventListener('focusin', (e) => {
      const t = e.target as HTMLElement;
      const cell = t.closest<HTMLElement>('.cell');
      if (cell) this.setActiveCell(cell);
      const ref = t.matches('mark.m') ? this.refs.get(t) : undefined;
      if (ref) this.events.focusMention(ref, t);
    });
    this.body.addEventListener('focusout', (e) => {
      const t = e.target as HTMLElement;
      const to = e.relatedTarget as Element | null;
      if (t.matches('mark.m') && !to?.closest('.tip')) this.events.blurMention();
    });
  }

  private onClick(e: MouseEvent): void {
    // A reader selecting a quote to copy it is not asking to open the file.
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && sel.toString().trim()) return;
    const target = e.target as Element;
    const mark = target.closest<HTMLElement>('mark.m');
    const ref = mark && this.refs.get(mark);
    if (mark && ref) {
      this.events.activate(ref, mark);
      return;
    }
    const cell = target.closest<HTMLElement>('.cell');
    if (!cell || cell.classList.contains('empty')) return;
    const at = this.ctx ? offsetAtPoint(e.clientX, e.clientY, this.ctx.textOffsets) : null;
    this.openCellAt(cell, at);
  }

  private openCellAt(cell: HTMLElement, offset: number | null): void {
    if (!this.ctx || cell.dataset.start === undefined) return;
    const source = Number(cell.dataset.source);
    const start = Number(cell.dataset.start);
    const end = Number(cell.dataset.end);
    const text = this.ctx.model.sources[source].text;
    const s = sentenceAt(text, start, end, offset ?? start);
    this.events.open(source, s.start, s.end);
  }

  private onKey(e: KeyboardEvent): void {
    const t = e.target as HTMLElement;
    if (e.key === 'Enter' || e.key === ' ') {
      const ref = t.matches('mark.m') ? this.refs.get(t) : undefined;
      if (ref) this.events.activate(ref, t);
      else if (t.matches('.cell:not(.empty)')) this.openCellAt(t, null);
      else return;
      e.preventDefault();
      return;
    }
    const cell = t.closest<HTMLElement>('.cell');
    if (!cell) return;
    const next = neighbourCell(cell, e.key, e.ctrlKey || e.metaKey, this.rows, this.ctx?.columns.length ?? 0, (row, position) => this.cellIn(row, position));
    if (!next) return;
    e.preventDefault();
    this.setActiveCell(next);
    next.focus({ preventScroll: true });
    this.ensureCellVisible(next);
    next.scrollIntoView({ block: 'nearest' });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
