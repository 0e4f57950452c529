import type { ReadResult } from '../types';
import { identityMap } from '../text/offsetMap';

/** A plain-text source is analysed as it is: one paragraph per line or per blank-line block. */
export function readPlainText(raw: string, notes: string[] = []): ReadResult {
  return { raw, text: raw, toRaw: identityMap(raw.length), meta: {}, notes };
}
