/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { h } from './dom';

/**
 * Small pieces of layout the grid needs: how much text fits on a line, which source offset
 * is under the pointer, and keeping a jump target still while the rows around it are drawn.
 */

/**
 * How many characters fit on a line of a cell, measured with the real font and column width.
 * Row heights are estimated from it before rows are drawn; a good estimate keeps the scroll
 * bar honest and the jumps small. `container` must be empty or cheap to lay out.
 */
export function measureCharsPerLine(container: HTMLElement, grid: HTMLElement, columns: number): number {
  const sample = 'Russia vetoed the renewal of the panel, the envoy said on Thursday, calling it cynical.';
  const span = h('span', { text: sample });
  const text = h('div', { class: 'text' }, [span]);
  const probe = h('div', { class: 'cell probe', attrs: { 'aria-hidden': 'true' } }, [text]);
  container.append(probe);
  const charWidth = span.getBoundingClientRect().width / sample.length;
  const maxText = parseFloat(getComputedStyle(text).maxWidth);
  probe.remove();
  if (!(charWidth > 0)) return 60;
  const gutter = parseFloat(getComputedStyle(grid).getPropertyValue('--gutter')) || 40;
  const cellPadding = 32;
  const colText = (grid.clientWidth - gutter) / Math.max(1, columns) - cellPadding;
  return Math.max(16, Math.floor(Math.min(colText, Number.isFinite(maxText) ? maxText : Infinity) / charWidth));
}

/** The source offset under the pointer: the text node there, plus its offset in the map of drawn text. */
export function offsetAtPoint(x: number, y: number, offsets: WeakMap<Text, number>): number | null {
  let node: Node | null = null;
  let offset = 0;
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    if (p) ({ offsetNode: node, offset } = p);
  } else if (typeof document.caretRangeFromPoint === 'function') {
    const r = document.caretRangeFromPoint(x, y);
    if (r) ({ startContainer: node, startOffset: offset } = r);
  }
  if (!node || node.nodeType !== Node.TEXT_NODE) return null;
  const base = offsets.get(node as Text);
  return base === undefined ? null : base + offset;
}

/**
 * Keeps an element at a fixed distance below the scroller's top edge for the next frames.
 * Rows near a jump target are drawn only after the jump and may turn out taller or shorter
 * than estimated; the browser's scroll anchoring does not cover changes in the same frame as
 * a programmatic scroll, so this does. Stops when the layout is still, when another pin
 * starts, or when the reader scrolls (`release`).
 */
export class Pinner {
  private generation = 0;

  constructor(private readonly scroller: HTMLElement) {}

  pin(el: HTMLElement, top: number): void {
    const gen = ++this.generation;
    let frames = 0;
    let still = 0;
    const step = () => {
      if (gen !== this.generation || !el.isConnected) return;
      const delta = el.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top - top;
      if (Math.abs(delta) > 0.5) {
        this.scroller.scrollTop += delta;
        still = 0;
      } else still++;
      if (++frames < 40 && still < 5) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  release(): void {
    this.generation++;
  }
}
