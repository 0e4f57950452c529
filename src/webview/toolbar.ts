/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ViewFilter } from '../shared/protocol';
import type { Counts } from './filter';
import { h, icon } from './dom';
import type { Legend } from './legend';

/**
 * The sticky bar above the grid: what is being compared, the filters, and previous / next
 * difference. Toggles are buttons with aria-pressed (the pattern VS Code's own find widget
 * uses), so their state is announced and not shown by colour alone.
 */

export interface ToolbarActions {
  toggleOnlyDifferences(): void;
  toggleKind(kind: keyof ViewFilter['kinds']): void;
  toggleCopies(): void;
  navigate(direction: 'next' | 'previous'): void;
}

export interface ToolbarView {
  counts: Counts;
  filter: ViewFilter;
  showCopies: boolean;
  copies: number;
  /** 1-based position of the current difference among the stops, 0 when none is current. */
  position: number;
  stops: number;
}

export class Toolbar {
  readonly el: HTMLElement;
  private readonly summary = h('div', { class: 'summary', attrs: { 'aria-live': 'polite' } });
  private readonly onlyDiff: HTMLButtonElement;
  private readonly kinds: Record<keyof ViewFilter['kinds'], HTMLButtonElement>;
  private readonly copies: HTMLButtonElement;
  private readonly position = h('span', { class: 'nav-position', attrs: { 'aria-live': 'polite' } });
  /**
   * Invisible copies of the position's longest texts, in the same grid cell as the position:
   * the slot keeps one width, so the first `n` ("2 of 18" after "18 places to check") does not
   * change where the toolbar wraps and move the whole grid under the reader's eyes.
   */
  private readonly positionSizer = h('span', { class: 'nav-sizer', attrs: { 'aria-hidden': 'true' } });
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;

  constructor(actions: ToolbarActions, legend: Legend) {
    this.onlyDiff = toggle('diff', 'Only differences', 'Hide agreements and rows without a difference', () => actions.toggleOnlyDifferences());
    this.kinds = {
      figure: toggle('symbol-number', 'Figures', 'Show figures: numbers, dates, amounts', () => actions.toggleKind('figure')),
      name: toggle('person', 'Names', 'Show names of people, organisations and places', () => actions.toggleKind('name')),
      quote: toggle('quote', 'Quotes', 'Show quotes', () => actions.toggleKind('quote')),
    };
    this.copies = toggle('files', 'Show copies', 'Show copies of other sources in columns of their own', () => actions.toggleCopies());
    this.prev = iconButton('arrow-up', 'Previous difference (p or k)', () => actions.navigate('previous'));
    this.next = iconButton('arrow-down', 'Next difference (n or j)', () => actions.navigate('next'));
    this.el = h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Comparison' } }, [
      this.summary,
      h('div', { class: 'tb-group', attrs: { role: 'group', 'aria-label': 'Filter' } }, [this.onlyDiff]),
      h('div', { class: 'tb-group', attrs: { role: 'group', 'aria-label': 'Kinds of finding' } }, [this.kinds.figure, this.kinds.name, this.kinds.quote]),
      h('div', { class: 'tb-group', attrs: { role: 'group', 'aria-label': 'Copies' } }, [this.copies]),
      h('div', { class: 'tb-spacer' }),
      // The legend's button stays with the navigation when the toolbar wraps, not alone on a line.
      h('div', { class: 'tb-end' }, [
        h('div', { class: 'tb-group nav', attrs: { role: 'group', 'aria-label': 'Differences' } }, [
          h('span', { class: 'nav-slot' }, [this.position, this.positionSizer]),
          this.prev,
          this.next,
        ]),
        legend.button,
      ]),
    ]);
  }

  update(v: ToolbarView): void {
    const c = v.counts;
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    this.summary.replaceChildren(
      h('span', { class: 'sum-item sum-strong', text: plural(c.sources, 'source', 'sources') }),
      h('span', { class: 'sum-item sum-independent', text: `${c.independent} independent` }),
      h('span', { class: 'sum-item sum-differ' }, [icon('warning'), plural(c.differences, 'difference', 'differences')]),
      h('span', { class: 'sum-item sum-agree' }, [icon('check'), plural(c.agreements, 'agreement', 'agreements')]),
    );
    press(this.onlyDiff, v.filter.onlyDifferences);
    for (const k of ['figure', 'name', 'quote'] as const) {
      press(this.kinds[k], v.filter.kinds[k]);
      this.kinds[k].querySelector('.count')!.textContent = String(c.byKind[k]);
    }
    press(this.copies, v.showCopies);
    this.copies.disabled = v.copies === 0;
    this.copies.querySelector('.count')!.textContent = String(v.copies);
    // Stops are places in the text (a difference found in three sources is three places).
    if (v.stops === 0) this.position.replaceChildren(h('span', { class: 'words', text: 'No differences shown' }));
    else if (v.position) this.position.replaceChildren(`${v.position} of ${v.stops}`);
    else this.position.replaceChildren(String(v.stops), h('span', { class: 'words', text: ' places to check' }));
    // Both the longest "n of N" and "N places to check" (its words hide in a narrow panel).
    this.positionSizer.replaceChildren(
      h('span', { text: `${v.stops} of ${v.stops}` }),
      h('span', {}, [String(v.stops), h('span', { class: 'words', text: ' places to check' })]),
    );
    this.prev.disabled = this.next.disabled = v.stops === 0;
  }
}

function press(b: HTMLButtonElement, on: boolean): void {
  b.setAttribute('aria-pressed', String(on));
}

function toggle(iconName: string, label: string, title: string, onClick: () => void): HTMLButtonElement {
  // aria-label, because a narrow panel hides the visible label and leaves only the icon.
  const b = h('button', { class: 'toggle', attrs: { type: 'button', 'aria-pressed': 'false', 'aria-label': label, title } }, [
    icon(iconName),
    h('span', { class: 'label', text: label }),
    h('span', { class: 'count', attrs: { 'aria-hidden': 'true' } }),
  ]);
  b.addEventListener('click', onClick);
  return b;
}

function iconButton(iconName: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', { class: 'icon-button', attrs: { type: 'button', 'aria-label': label, title: label } }, [icon(iconName)]);
  b.addEventListener('click', onClick);
  return b;
}
