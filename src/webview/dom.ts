/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The only way this panel makes DOM: elements with classes and attributes, text as text.
 * Source text is untrusted (design principle 6), so nothing here ever parses HTML — there is
 * deliberately no innerHTML anywhere in src/webview.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes set with setAttribute; `style` is refused (the CSP blocks it, and classes say more). */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  text?: string;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.attrs) {
    for (const [k, v] of Object.entries(props.attrs)) {
      if (k === 'style' || k.startsWith('on')) throw new Error(`refusing attribute ${k}`);
      if (v === null || v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (props.text !== undefined) el.textContent = props.text;
  for (const c of children) if (c) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** A codicon: decorative, so hidden from screen readers (the control around it carries the label). */
export function icon(name: string, extra = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name}${extra ? ' ' + extra : ''}`, attrs: { 'aria-hidden': 'true' } });
}

export function clear(el: Element): void {
  el.replaceChildren();
}
