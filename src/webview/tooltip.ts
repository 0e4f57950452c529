/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ViewModel } from '../core/view/viewModel';
import { showControls as sc } from './bidi';
import { h, icon } from './dom';
import type { MentionRef, ModelIndex } from './modelIndex';
import { diffMode, versionParts, wantsDiff } from './versions';

/**
 * The card shown on hover or focus of a highlighted mention: what the finding is, whether the
 * sources agree or differ (in words, not only colour), and every source's version side by
 * side with the differing wording marked. One element, reused; built from text nodes only.
 */

const KIND = { figure: ['Figure', 'symbol-number'], name: ['Name', 'person'], quote: ['Quote', 'quote'] } as const;

export interface TooltipActions {
  /** Show this mention in the panel (scroll to it). */
  reveal(ref: MentionRef): void;
  /** Open the source file at the mention. */
  open(ref: MentionRef): void;
}

export class Tooltip {
  readonly el: HTMLElement;
  private anchor: HTMLElement | null = null;
  private hideTimer = 0;

  constructor(private readonly actions: TooltipActions) {
    this.el = h('div', { class: 'tip', attrs: { id: 'corroborate-tip', role: 'tooltip', hidden: true } });
    // Moving the pointer from the mark onto the card keeps it open, so its buttons can be used.
    this.el.addEventListener('pointerenter', () => window.clearTimeout(this.hideTimer));
    this.el.addEventListener('pointerleave', () => this.hideSoon());
  }

  get shownFor(): HTMLElement | null {
    return this.anchor;
  }

  show(anchor: HTMLElement, ref: MentionRef, model: ViewModel, idx: ModelIndex, letters: string[]): void {
    window.clearTimeout(this.hideTimer);
    if (this.anchor && this.anchor !== anchor) this.anchor.removeAttribute('aria-describedby');
    this.anchor = anchor;
    anchor.setAttribute('aria-describedby', this.el.id);
    this.el.replaceChildren(...this.content(ref, model, idx, letters));
    this.el.hidden = false;
    this.place(anchor);
  }

  hideSoon(delay = 180): void {
    window.clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.hide(), delay);
  }

  hide(): void {
    window.clearTimeout(this.hideTimer);
    this.anchor?.removeAttribute('aria-describedby');
    this.anchor = null;
    this.el.hidden = true;
  }

  /** Below the mark when there is room, above it otherwise; always inside the window. */
  place(anchor: HTMLElement): void {
    const a = anchor.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const w = Math.min(this.el.offsetWidth, vw - 16);
    const t = this.el.offsetHeight;
    const left = Math.max(8, Math.min(a.left, vw - w - 8));
    const below = a.bottom + 6;
    const top = below + t <= vh - 8 || a.top - t - 6 < 8 ? Math.min(below, Math.max(8, vh - t - 8)) : a.top - t - 6;
    // CSSOM, not a style attribute: the panel's CSP allows the one and blocks the other.
    this.el.style.setProperty('left', `${Math.round(left)}px`);
    this.el.style.setProperty('top', `${Math.round(top)}px`);
  }

  private content(ref: MentionRef, model: ViewModel, idx: ModelIndex, letters: string[]): HTMLElement[] {
    const f = ref.finding;
    const [kindLabel, kindIcon] = KIND[f.kind];
    const differ = f.verdict === 'differ';
    const head = h('div', { class: 'tip-head' }, [
      h('span', { class: 'tip-kind' }, [icon(kindIcon), kindLabel]),
      h('span', { class: `verdict ${differ ? 'verdict-differ' : 'verdict-agree'}` }, [icon(differ ? 'warning' : 'check'), differ ? 'Differ' : 'Agree']),
      h('span', { class: 'tip-detail', text: f.detail.replace(/-/g, ' ') }),
      h('span', { class: 'tip-count', text: `${f.independentSources} independent source${f.independentSources === 1 ? '' : 's'}` }),
    ]);
    const summary = h('p', { class: 'tip-summary', text: sc(f.summary) });

    const refs = idx.byFinding.get(f.id) ?? [];
    const parts = wantsDiff(f) ? versionParts(refs.map((r) => r.text), diffMode(f)) : null;
    const list = h('ol', { class: 'tip-versions', attrs: { 'aria-label': 'Versions in each source' } });
    refs.forEach((r, i) => {
      const src = model.sources[r.source];
      const copyOf = src.copyOf ? model.sources[idx.sourceIndex.get(src.copyOf) ?? -1] : undefined;
      const quote = h('span', { class: 'tip-text' });
      for (const p of parts?.[i] ?? [{ text: r.text, changed: false }]) quote.append(p.changed ? h('span', { class: 'tip-changed', text: sc(p.text) }) : document.createTextNode(sc(p.text)));
      const show = h('button', { class: 'tip-show', attrs: { type: 'button', 'aria-label': `Show in the panel: ${sc(src.outlet || src.title || src.id)}` } }, [
        h('span', { class: 'src-letter', text: letters[r.source] ?? '?' }),
        h('span', { class: 'tip-version-body' }, [
          h('span', { class: 'tip-src' }, [
            h('span', { class: 'tip-src-title', text: sc(src.outlet || src.title || src.id) }),
            h('span', { class: 'tip-src-id', text: sc(src.id) }),
            copyOf ? h('span', { class: 'tip-copy', text: `copy of ${sc(copyOf.id)}` }) : null,
          ]),
          h('span', { class: 'tip-line' }, [quote, r.label ? h('span', { class: 'tip-label', text: `— ${sc(r.label)}` }) : null]),
        ]),
      ]);
      show.addEventListener('click', () => this.actions.reveal(r));
      const open = h('button', { class: 'icon-button tip-open', attrs: { type: 'button', 'aria-label': `Open ${sc(src.id)} at this mention`, title: 'Open the source here' } }, [icon('go-to-file')]);
      open.addEventListener('click', () => this.actions.open(r));
      list.append(h('li', { class: `tip-version${r.key === ref.key ? ' is-here' : ''}` }, [show, open]));
    });
    const foot = h('div', { class: 'tip-foot', text: 'Click a version to show it · Enter opens the source · Esc closes' });
    return [head, summary, list, foot];
  }
}
