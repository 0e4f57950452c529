/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { ViewModel } from '../core/view/viewModel';
import type { ToWebview, ViewFilter } from '../shared/protocol';
import { columnsByRow, layoutColumns, sourceLetters, type Column } from './columns';
import { showControls as sc } from './bidi';
import { h, icon } from './dom';
import { countModel, visibleRows } from './filter';
import { Grid } from './grid';
import { Legend } from './legend';
import { indexModel, type MentionRef, type ModelIndex } from './modelIndex';
import { differenceStops, stepStop } from './navigation';
import type { RenderContext } from './rowView';
import { cloneFilter, sameFilter, type PanelState } from './state';
import { Toolbar } from './toolbar';
import { Tooltip } from './tooltip';
import type { Host } from './vscodeApi';

/**
 * The panel's controller: holds the model and the reader's state (filter, copies shown,
 * current difference, scroll place), turns host messages and reader input into renders, and
 * tells the host what changed. Drawing is delegated to Toolbar, Grid and Tooltip.
 */
export class App {
  private model: ViewModel | null = null;
  private idx: ModelIndex | null = null;
  private columns: Column[] = [];
  private rows: number[] = [];
  private stops: MentionRef[] = [];
  private letters: string[] = [];
  private busy: string | null = null;
  private error: string | null = null;
  /** True until the first model after a reload: then the saved state wins over the host's filter. */
  private restoring: boolean;
  private hoverTimer = 0;
  private saveTimer = 0;

  private readonly toolbar: Toolbar;
  private readonly grid: Grid;
  private readonly tooltip: Tooltip;
  private readonly legend = new Legend();
  private readonly progress = h('div', { class: 'progress', attrs: { role: 'progressbar', 'aria-label': 'Working', hidden: true } }, [h('div', { class: 'progress-bar' })]);
  private readonly banner = h('div', { class: 'banner', attrs: { role: 'status', hidden: true } });
  private readonly placeholder = h('div', { class: 'placeholder' });
  private readonly live = h('div', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });

  constructor(
    root: HTMLElement,
    private readonly host: Host,
    private state: PanelState,
    restored: boolean,
  ) {
    this.restoring = restored;
    this.toolbar = new Toolbar({
      toggleOnlyDifferences: () => this.changeFilter({ ...cloneFilter(this.state.filter), onlyDifferences: !this.state.filter.onlyDifferences }),
      toggleKind: (k) => {
        const f = cloneFilter(this.state.filter);
        f.kinds[k] = !f.kinds[k];
        this.changeFilter(f);
      },
      toggleCopies: () => {
        this.state.showCopies = !this.state.showCopies;
        this.rerender();
      },
      navigate: (d) => this.navigate(d),
    }, this.legend);
    this.grid = new Grid({
      open: (source, start, end) => this.open(source, start, end),
      activate: (ref, el) => {
        this.select(ref.finding.id, ref.key);
        this.showTip(el, ref);
        this.open(ref.source, ref.start, ref.end);
      },
      hover: (ref, el) => this.onHover(ref, el),
      focusMention: (ref, el) => this.showTip(el, ref),
      blurMention: () => this.tooltip.hideSoon(),
      scrolled: () => this.onScroll(),
      complete: (ms) => this.onComplete(ms),
    });
    this.tooltip = new Tooltip({
      reveal: (ref) => this.goTo(ref, true),
      open: (ref) => this.open(ref.source, ref.start, ref.end),
    });
    root.classList.add('app');
    root.replaceChildren(this.toolbar.el, this.progress, this.banner, this.placeholder, this.grid.scroller, this.tooltip.el, this.legend.el, this.live);
    this.grid.scroller.hidden = true;
    this.toolbar.el.hidden = true;
    this.showPlaceholder('loading', 'Lining up the sources…');
    document.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('resize', () => this.tooltip.hide());
  }

  receive(msg: ToWebview): void {
    switch (msg.type) {
      case 'model':
        return this.setModel(msg.model, msg.filter);
      case 'busy':
        this.busy = msg.message;
        return this.showStatus();
      case 'idle':
        this.busy = null;
        return this.showStatus();
      case 'error':
        this.busy = null;
        this.error = msg.message;
        if (!this.model) this.showPlaceholder('error', msg.message);
        return this.showStatus();
      case 'filter':
        return this.changeFilter(msg.filter, false);
      case 'navigate':
        return this.navigate(msg.direction);
      case 'reveal':
        return this.reveal(msg.findingId);
    }
  }

  private setModel(model: ViewModel, hostFilter: ViewFilter): void {
    this.model = model;
    this.idx = indexModel(model);
    performance.mark('corroborate:model-indexed');
    this.letters = sourceLetters(model.sources.length);
    this.busy = null;
    this.error = null;
    const restoring = this.restoring;
    this.restoring = false;
    if (!restoring) this.state.filter = cloneFilter(hostFilter);
    else if (!sameFilter(hostFilter, this.state.filter)) this.host.post({ type: 'filterChanged', filter: cloneFilter(this.state.filter) });
    // A finding id from an older model may now name something else or nothing.
    if (this.state.selectedFinding && !this.idx.findings.has(this.state.selectedFinding)) this.state.selectedFinding = null;
    if (this.state.currentMention && !this.idx.mentions.has(this.state.currentMention)) this.state.currentMention = null;
    this.placeholder.hidden = true;
    this.grid.scroller.hidden = false;
    this.toolbar.el.hidden = false;
    this.showStatus();
    this.rerender(restoring ? this.state.anchor : this.grid.anchor());
  }

  /** Recomputes what is shown and redraws, keeping the reader's place. */
  private rerender(anchor = this.grid.anchor()): void {
    if (!this.model || !this.idx) return;
    this.tooltip.hide();
    const scrollLeft = this.grid.scroller.scrollLeft || this.state.scrollLeft;
    this.columns = layoutColumns(this.model, this.state.showCopies);
    const byRow = columnsByRow(this.idx, this.columns);
    this.rows = visibleRows(this.model, this.idx, this.state.filter, this.columns, byRow);
    this.stops = differenceStops(this.idx, this.rows, this.columns, this.state.filter, byRow);
    const ctx: RenderContext = {
      model: this.model,
      idx: this.idx,
      columns: this.columns,
      byRow,
      positions: new Map(this.columns.map((c, i) => [c.source, i])),
      filter: this.state.filter,
      letters: this.letters,
      register: this.grid.register,
      textOffsets: new WeakMap(),
      charsPerLine: 60,
    };
    this.grid.setSelection(this.state.selectedFinding, this.state.currentMention);
    this.grid.render(ctx, this.rows, {
      open: (source) => this.open(source, 0, 0),
      openUrl: (source) => this.openUrl(source),
      showCopies: () => {
        this.state.showCopies = true;
        this.rerender();
      },
    });
    this.grid.restoreAnchor(anchor, scrollLeft);
    this.updateToolbar();
    if (!this.rows.length) this.showEmpty();
    this.save();
  }

  private updateToolbar(): void {
    if (!this.model) return;
    const at = this.stops.findIndex((s) => s.key === this.state.currentMention);
    this.toolbar.update({
      counts: countModel(this.model),
      filter: this.state.filter,
      showCopies: this.state.showCopies,
      copies: this.model.sources.filter((s) => s.copyOf).length,
      position: at + 1,
      stops: this.stops.length,
    });
  }

  private changeFilter(filter: ViewFilter, tellHost = true): void {
    if (sameFilter(filter, this.state.filter)) return;
    this.state.filter = cloneFilter(filter);
    if (tellHost) this.host.post({ type: 'filterChanged', filter: cloneFilter(filter) });
    this.rerender();
  }

  private navigate(direction: 'next' | 'previous'): void {
    if (!this.model) return;
    const next = stepStop(this.stops, this.state.currentMention, direction, this.rows, this.grid.firstVisiblePosition());
    if (!next) {
      this.say('No differences under the current filter.');
      return;
    }
    this.goTo(next, true);
    const at = this.stops.indexOf(next) + 1;
    this.say(`Difference ${at} of ${this.stops.length}: ${next.finding.summary}`);
  }

  /** Shows a finding asked for by the host, widening the filter if it hides it. */
  private reveal(findingId: string): void {
    if (!this.model || !this.idx) return;
    const f = this.idx.findings.get(findingId);
    if (!f) return;
    const filter = cloneFilter(this.state.filter);
    filter.kinds[f.kind] = true;
    if (f.verdict === 'agree') filter.onlyDifferences = false;
    const folded = (this.idx.byFinding.get(f.id) ?? []).every((m) => !this.columns.some((c) => c.source === m.source));
    if (folded) this.state.showCopies = true;
    if (!sameFilter(filter, this.state.filter)) this.changeFilter(filter);
    else if (folded) this.rerender();
    const shown = new Set(this.columns.map((c) => c.source));
    const rows = new Set(this.rows);
    const ref = (this.idx.byFinding.get(f.id) ?? []).find((m) => m.row >= 0 && rows.has(m.row) && shown.has(m.source));
    if (ref) this.goTo(ref, true);
  }

  private goTo(ref: MentionRef, focus: boolean): void {
    this.select(ref.finding.id, ref.key);
    const el = this.grid.reveal(ref, focus);
    if (el) this.showTip(el, ref);
  }

  private select(findingId: string | null, mentionKey: string | null): void {
    const changed = findingId !== this.state.selectedFinding;
    this.state.selectedFinding = findingId;
    this.state.currentMention = mentionKey;
    this.grid.setSelection(findingId, mentionKey);
    this.updateToolbar();
    if (changed) this.host.post({ type: 'selectFinding', findingId });
    this.save();
  }

  private open(source: number, start: number, end: number): void {
    if (!this.model) return;
    this.host.post({ type: 'open', source: this.model.sources[source].id, start, end });
  }

  /** Only the source's id goes out: the host takes the address from its own copy of the model. */
  private openUrl(source: number): void {
    if (!this.model) return;
    this.host.post({ type: 'openUrl', source: this.model.sources[source].id });
  }

  private showTip(el: HTMLElement, ref: MentionRef): void {
    if (!this.model || !this.idx) return;
    window.clearTimeout(this.hoverTimer);
    this.tooltip.show(el, ref, this.model, this.idx, this.letters);
  }

  private onHover(ref: MentionRef | null, el: HTMLElement | null): void {
    window.clearTimeout(this.hoverTimer);
    if (!ref || !el) {
      // Keep a card that keyboard focus opened; a hover card goes when the pointer leaves.
      if (this.tooltip.shownFor && this.tooltip.shownFor !== document.activeElement) this.tooltip.hideSoon();
      return;
    }
    this.hoverTimer = window.setTimeout(() => this.showTip(el, ref), 250);
  }

  private onScroll(): void {
    const anchor = this.tooltip.shownFor;
    if (anchor) {
      const r = anchor.getBoundingClientRect();
      const s = this.grid.scroller.getBoundingClientRect();
      if (!anchor.isConnected || r.bottom < s.top + this.grid.headHeight || r.top > s.bottom) this.tooltip.hide();
      else this.tooltip.place(anchor);
    }
    this.save();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      if (this.legend.isOpen) {
        this.legend.close();
        this.legend.button.focus();
      } else if (!this.tooltip.el.hidden) this.tooltip.hide();
      else if (this.state.selectedFinding) this.select(null, null);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, [contenteditable="true"]')) return;
    const dir = { n: 'next', j: 'next', p: 'previous', k: 'previous' }[e.key] as 'next' | 'previous' | undefined;
    if (!dir) return;
    e.preventDefault();
    this.navigate(dir);
  }

  private onComplete(ms: number): void {
    document.body.dataset.rendered = String(this.rows.length);
    document.dispatchEvent(new CustomEvent('corroborate-rendered', { detail: { rows: this.rows.length, ms } }));
  }

  /** State is saved at most every 200 ms: scrolling fires far more often than that. */
  private save(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      if (this.model) {
        this.state.anchor = this.grid.anchor();
        this.state.scrollTop = Math.round(this.grid.scroller.scrollTop);
        this.state.scrollLeft = Math.round(this.grid.scroller.scrollLeft);
      }
      this.host.setState(this.state);
    }, 200);
  }

  private showStatus(): void {
    this.progress.hidden = this.busy === null;
    const items: HTMLElement[] = [];
    if (this.busy !== null) items.push(h('div', { class: 'banner-item busy' }, [icon('loading', 'codicon-modifier-spin'), sc(this.busy)]));
    if (this.error !== null && this.model) items.push(h('div', { class: 'banner-item error', attrs: { role: 'alert' } }, [icon('error'), sc(this.error)]));
    for (const p of this.model?.problems ?? []) items.push(h('div', { class: 'banner-item warning' }, [icon('warning'), sc(`${p.path}: ${p.message}`)]));
    this.banner.replaceChildren(...items);
    this.banner.hidden = !items.length;
    if (!this.model && this.busy !== null && this.error === null) this.showPlaceholder('loading', this.busy);
  }

  private showPlaceholder(kind: 'loading' | 'error', message: string): void {
    this.placeholder.hidden = false;
    this.placeholder.replaceChildren(
      h('div', { class: `placeholder-card ${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } }, [
        // The host also uses `error` for "nothing compared yet", so the card stays calm: the
        // message itself says what happened.
        kind === 'loading' ? icon('loading', 'codicon-modifier-spin big') : icon('info', 'big'),
        h('div', { class: 'placeholder-text', text: sc(message) }),
      ]),
    );
  }

  private showEmpty(): void {
    const msg = this.state.filter.onlyDifferences ? 'No differences under the current filter.' : 'Nothing to show under the current filter.';
    this.grid.scroller.querySelector('.grid-body')?.append(h('div', { class: 'empty-state', attrs: { role: 'status' } }, [icon('pass', 'big'), msg]));
  }

  private say(text: string): void {
    this.live.textContent = sc(text);
  }
}
