import assert from 'node:assert/strict';
import type { ReadResult } from '../../src/core/types';
import { charRefAt } from '../../src/core/text/charRef';

/**
 * The reader contract: every letter or digit of `text` points at the raw character that
 * produced it, or at the start of the escape or character reference that decodes to it.
 */
export function assertOffsets(r: ReadResult, opts: { monotone?: boolean } = {}): void {
  assert.equal(r.toRaw.length, r.text.length + 1, 'toRaw has one entry per character plus the end');
  const bad: string[] = [];
  for (let i = 0; i < r.text.length; i++) {
    const o = r.toRaw[i];
    assert.ok(o >= 0 && o <= r.raw.length, `offset ${o} of text[${i}] is outside raw`);
    const ch = r.text[i];
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    if (r.raw[o] === ch) continue;
    if (r.raw[o] === '\\' && r.raw[o + 1] === ch) continue;
    const ref = charRefAt(r.raw, o, true);
    if (ref && ref.text.includes(ch)) continue;
    bad.push(`text[${i}]=${JSON.stringify(ch)} -> raw[${o}]=${JSON.stringify(r.raw.slice(o, o + 10))}`);
  }
  assert.deepEqual(bad.slice(0, 10), [], `${bad.length} characters map to the wrong raw offset`);
  if (opts.monotone) {
    for (let i = 1; i < r.toRaw.length; i++) {
      assert.ok(r.toRaw[i] >= r.toRaw[i - 1], `toRaw goes backwards at ${i}: ${r.toRaw[i - 1]} -> ${r.toRaw[i]}`);
    }
  }
}

/** The raw slice a range of `text` maps to, for checking that a span lands on its source. */
export function rawOf(r: ReadResult, start: number, end: number): string {
  return r.raw.slice(r.toRaw[start], r.toRaw[end - 1] + 1);
}

export function bytesOf(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
