/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ViewModel } from '../core/view/viewModel';
import { copyCoverage, type Column } from './columns';
import { showControls as sc } from './bidi';
import { h, icon } from './dom';
import type { ColumnRange } from './columnWindow';

/**
 * Column headers: which report this is (title, outlet, date), the file it came from, and
 * whether it counts as an independent source. Copies folded into a column are named there,
 * so the reader knows why one report has two files behind it.
 *
 * With hundreds of columns the headers are drawn a few at a time (see columnWindow.ts): the
 * ones near the viewport first, with the few likely to be tallest (the header row is as tall
 * as its tallest header, so its height does not change as the rest arrive), then all the
 * others in the background, so that in the end every header is there, as before.
 */
export class HeaderRow {
  readonly el: HTMLElement;
  private readonly drawn: Array<HTMLElement | undefined>;
  private missing: number;
  private nextToDraw = 0;

  constructor(
    private readonly model: ViewModel,
    private readonly columns: ReadonlyArray<Column>,
    private readonly letters: string[],
    private readonly actions: HeaderActions,
  ) {
    const corner = h('div', { class: 'gutter corner', attrs: { role: 'columnheader', 'aria-label': 'Agreement' } }, [icon('layers')]);
    corner.title = 'Number of independent sources reporting each passage';
    this.el = h('div', { class: 'row head', attrs: { role: 'row', 'aria-rowindex': 1 } }, [corner]);
    this.drawn = new Array<HTMLElement | undefined>(columns.length);
    this.missing = columns.length;
    for (const p of tallestHeaders(model, columns, TALL_CANDIDATES)) this.draw(p);
  }

  get complete(): boolean {
    return this.missing === 0;
  }

  drawRange(range: ColumnRange): void {
    for (let p = range.from; p < range.to; p++) this.draw(p);
  }

  /** Draws headers not drawn yet, in column order, until `deadline` (a `performance.now()` time). */
  drawRest(deadline: number): void {
    while (this.nextToDraw < this.columns.length && performance.now() < deadline) this.draw(this.nextToDraw++);
  }

  private draw(position: number): void {
    if (this.drawn[position]) return;
    const el = columnHeader(this.model, this.columns[position], position, this.letters, this.actions);
    // Headers before it may not be drawn yet: it names its own grid column.
    el.style.gridColumnStart = String(position + 2);
    let after = position + 1;
    while (after < this.drawn.length && !this.drawn[after]) after++;
    this.el.insertBefore(el, this.drawn[after] ?? null);
    this.drawn[position] = el;
    this.missing--;
  }
}

/** How many of the headers likely to be tallest are drawn with the first ones. */
const TALL_CANDIDATES = 4;

/**
 * The columns whose headers are likely to be the tallest, by the lines they hold: the title
 * (up to two), date and outlet, the file name, a badge per copy (a long copy name wraps) and
 * the notes. Only a ranking: the header row's height then comes out right without laying
 * every header out first, and the rest follow within a few frames anyway.
 */
export function tallestHeaders(model: ViewModel, columns: ReadonlyArray<Column>, count: number): number[] {
  const lines = (col: Column): number => {
    const s = model.sources[col.source];
    const { named, more } = copyBadges(col);
    const copies = col.copyOf === null ? named.reduce((n, c) => n + 1 + Math.floor(model.sources[c].id.length / 40), 1) + (more.length ? 1 : 0) : 1;
    const notes = s.notes.reduce((n, note) => n + 1 + Math.floor(note.length / 45), 0);
    return Math.min(2, 1 + Math.floor((s.title || s.id).length / 30)) + (s.outlet || s.date ? 1 : 0) + 1 + copies + notes;
  };
  const scored = columns.map((c, p) => ({ p, n: lines(c) }));
  scored.sort((a, b) => b.n - a.n || a.p - b.p);
  return scored.slice(0, count).map((x) => x.p);
}

/** What a header's buttons do. */
export interface HeaderActions {
  /** Opens the source's file. */
  open(source: number): void;
  /** Opens the source's web address (the host asks first); without it, no button. */
  openUrl?(source: number): void;
  /** Gives every copy its own column, as "Show copies" in the toolbar does. */
  showCopies?(): void;
}

function columnHeader(model: ViewModel, col: Column, position: number, letters: string[], actions: HeaderActions): HTMLElement {
  const s = model.sources[col.source];
  const meta = [s.outlet, formatDate(s.date)].filter((x): x is string => !!x).map(sc);
  const title = sc(s.title || s.id);
  const id = sc(s.id);
  const open = h('button', { class: 'icon-button head-open', attrs: { type: 'button', 'aria-label': `Open ${id}`, title: `Open ${sc(s.path || s.id)}` } }, [icon('go-to-file')]);
  open.addEventListener('click', () => actions.open(col.source));
  // The source's own address, as it wrote it (any scheme): the host asks before opening and
  // opens only http(s), so the button only says where it points.
  const link = s.url && actions.openUrl ? h('button', { class: 'icon-button head-url', attrs: { type: 'button', 'aria-label': `Open the web address of ${id}`, title: `Open ${sc(s.url)}…` } }, [icon('link-external')]) : null;
  link?.addEventListener('click', () => actions.openUrl?.(col.source));

  const badges = h('div', { class: 'badges' });
  if (col.copyOf !== null) {
    badges.append(h('span', { class: 'badge badge-copy' }, [icon('files'), `copy of ${sc(model.sources[col.copyOf].id)}`]));
  } else {
    badges.append(h('span', { class: 'badge badge-independent' }, [icon('verified'), 'independent']));
    const { named, more } = copyBadges(col);
    for (const c of named) {
      const cov = copyCoverage(model, c);
      const text = `+1 copy: ${sc(model.sources[c].id)}${cov === null ? '' : ` (${Math.round(cov * 100)}% the same)`}`;
      badges.append(h('span', { class: 'badge badge-copies', attrs: { title: `${sc(model.sources[c].id)} repeats this report; it counts once` } }, [icon('files'), text]));
    }
    if (more.length) {
      const names = more.slice(0, MORE_NAMED).map((c) => sc(model.sources[c].id));
      const rest = more.length - names.length;
      const title = `${names.join('\n')}${rest ? `\n… and ${rest} more` : ''}\n\nThese repeat this report; each counts once. Click to give each its own column (“Show copies”).`;
      const label = `+${more.length} more copies`;
      if (actions.showCopies) {
        const button = h('button', { class: 'badge badge-copies badge-more', attrs: { type: 'button', title, 'aria-label': `${label} of ${id}: show each in its own column` } }, [icon('files'), label]);
        button.addEventListener('click', () => actions.showCopies?.());
        badges.append(button);
      } else {
        badges.append(h('span', { class: 'badge badge-copies badge-more', attrs: { title } }, [icon('files'), label]));
      }
    }
  }
  const notes = s.notes.map((n) => h('div', { class: 'note' }, [icon('info'), sc(n)]));
  return h('div', { class: `col-head${col.copyOf !== null ? ' is-copy' : ''}`, attrs: { role: 'columnheader', 'aria-colindex': position + 2 } }, [
    h('div', { class: 'head-top' }, [
      h('span', { class: 'src-letter', text: letters[col.source], attrs: { 'aria-hidden': 'true' } }),
      h('div', { class: 'title', text: title, attrs: { title } }),
      link,
      open,
    ]),
    meta.length ? h('div', { class: 'meta', text: meta.join(' · ') }) : null,
    h('div', { class: 'src-id', text: id, attrs: { title: sc(s.path) } }),
    badges,
    ...notes,
  ]);
}

/** A header names this many copies at most; more than that, it names one less and counts the rest. */
const COPIES_NAMED = 3;
/** Names listed in the tooltip of the "+N more copies" badge. */
const MORE_NAMED = 25;

/**
 * The copies a header names with a badge each, and those it only counts ("+N more copies").
 * A wire story reprinted by dozens of outlets would otherwise make its header dozens of badges
 * tall, and the header row, as tall as its tallest header, would push every row of the grid
 * below the panel's edge.
 */
export function copyBadges(col: Column): { named: number[]; more: number[] } {
  if (col.copies.length <= COPIES_NAMED) return { named: col.copies, more: [] };
  return { named: col.copies.slice(0, COPIES_NAMED - 1), more: col.copies.slice(COPIES_NAMED - 1) };
}

/** ISO dates read better as "28 Mar 2024"; anything else is shown as the source wrote it. */
function formatDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
