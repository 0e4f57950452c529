/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ViewModel } from '../core/view/viewModel';
import { copyCoverage, type Column } from './columns';
import { showControls as sc } from './bidi';
import { h, icon } from './dom';

/**
 * Column headers: which report this is (title, outlet, date), the file it came from, and
 * whether it counts as an independent source. Copies folded into a column are named there,
 * so the reader knows why one report has two files behind it.
 */
export function headerRow(model: ViewModel, columns: ReadonlyArray<Column>, letters: string[], onOpen: (source: number) => void, onOpenUrl?: (source: number) => void): HTMLElement {
  const corner = h('div', { class: 'gutter corner', attrs: { role: 'columnheader', 'aria-label': 'Agreement' } }, [icon('layers')]);
  corner.title = 'Number of independent sources reporting each passage';
  return h('div', { class: 'row head', attrs: { role: 'row', 'aria-rowindex': 1 } }, [corner, ...columns.map((c, i) => columnHeader(model, c, i, letters, onOpen, onOpenUrl))]);
}

function columnHeader(model: ViewModel, col: Column, position: number, letters: string[], onOpen: (source: number) => void, onOpenUrl?: (source: number) => void): HTMLElement {
  const s = model.sources[col.source];
  const meta = [s.outlet, formatDate(s.date)].filter((x): x is string => !!x).map(sc);
  const title = sc(s.title || s.id);
  const id = sc(s.id);
  const open = h('button', { class: 'icon-button head-open', attrs: { type: 'button', 'aria-label': `Open ${id}`, title: `Open ${sc(s.path || s.id)}` } }, [icon('go-to-file')]);
  open.addEventListener('click', () => onOpen(col.source));
  // The source's own address, as it wrote it (any scheme): the host asks before opening and
  // opens only http(s), so the button only says where it points.
  const link = s.url && onOpenUrl ? h('button', { class: 'icon-button head-url', attrs: { type: 'button', 'aria-label': `Open the web address of ${id}`, title: `Open ${sc(s.url)}…` } }, [icon('link-external')]) : null;
  link?.addEventListener('click', () => onOpenUrl?.(col.source));

  const badges = h('div', { class: 'badges' });
  if (col.copyOf !== null) {
    badges.append(h('span', { class: 'badge badge-copy' }, [icon('files'), `copy of ${sc(model.sources[col.copyOf].id)}`]));
  } else {
    badges.append(h('span', { class: 'badge badge-independent' }, [icon('verified'), 'independent']));
    for (const c of col.copies) {
      const cov = copyCoverage(model, c);
      const text = `+1 copy: ${sc(model.sources[c].id)}${cov === null ? '' : ` (${Math.round(cov * 100)}% the same)`}`;
      badges.append(h('span', { class: 'badge badge-copies', attrs: { title: `${sc(model.sources[c].id)} repeats this report; it counts once` } }, [icon('files'), text]));
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

/** ISO dates read better as "28 Mar 2024"; anything else is shown as the source wrote it. */
function formatDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
