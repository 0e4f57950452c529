/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { h, icon } from './dom';

/**
 * "What do the marks mean, and which keys work": a small card opened from the toolbar. The
 * samples are drawn with the same classes as the grid, so the legend follows the theme and
 * any change to the marks' style.
 */
export class Legend {
  readonly button: HTMLButtonElement;
  readonly el: HTMLElement;

  constructor() {
    this.el = h('div', { class: 'legend', attrs: { id: 'corroborate-legend', role: 'dialog', 'aria-label': 'Legend and keys', hidden: true } }, [
      h('div', { class: 'legend-title', text: 'Marks' }),
      row(h('mark', { class: 'm k-name v-differ', text: 'Kim Jong-un' }), 'Sources differ (wavy underline)'),
      row(h('mark', { class: 'm k-name v-agree', text: 'Vladimir Putin' }), 'Sources agree (dotted underline)'),
      row(h('span', { class: 'dw', text: 'blocked' }), 'Words only this version has'),
      row(h('span', { class: 'bp bp-start', text: 'Donate' }), 'Site furniture: shown, never compared'),
      row(h('span', { class: 'legend-gutter' }, [h('span', { class: 'gut-count', text: '3' }), icon('warning', 'gut-diff')]), 'Independent sources in a passage; the row holds a difference'),
      h('div', { class: 'legend-title', text: 'Keys' }),
      keys(['n', 'j'], 'Next difference'),
      keys(['p', 'k'], 'Previous difference'),
      keys(['←', '↑', '→', '↓'], 'Move between cells'),
      keys(['Enter'], 'Open the source at this place'),
      keys(['Esc'], 'Close the card'),
    ]);
    this.button = h('button', { class: 'icon-button', attrs: { type: 'button', 'aria-label': 'Legend and keys', title: 'Legend and keys', 'aria-expanded': 'false', 'aria-controls': this.el.id } }, [icon('question')]);
    this.button.addEventListener('click', () => (this.el.hidden ? this.open() : this.close()));
    document.addEventListener('pointerdown', (e) => {
      if (!this.el.hidden && !this.el.contains(e.target as Node) && !this.button.contains(e.target as Node)) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  open(): void {
    this.el.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    const b = this.button.getBoundingClientRect();
    const right = Math.max(8, document.documentElement.clientWidth - b.right);
    this.el.style.setProperty('top', `${Math.round(b.bottom + 6)}px`);
    this.el.style.setProperty('right', `${Math.round(right)}px`);
  }

  close(): void {
    this.el.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }
}

function row(sample: HTMLElement, text: string): HTMLElement {
  return h('div', { class: 'legend-row' }, [h('span', { class: 'legend-sample' }, [sample]), h('span', { text })]);
}

function keys(names: string[], text: string): HTMLElement {
  return h('div', { class: 'legend-row' }, [h('span', { class: 'legend-sample' }, names.map((k) => h('kbd', { text: k }))), h('span', { text })]);
}
