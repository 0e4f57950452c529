/**
 * Offset maps: `map[i]` is the offset in an older string of character `i` of a newer one,
 * with one extra entry for the end. Composition lets every layer (decoding, markup removal,
 * repair) keep its own map while the engine reports offsets into the decoded file.
 */

export function identityMap(length: number): Int32Array {
  const map = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) map[i] = i;
  return map;
}

/** `outer` maps c→b, `inner` maps b→a; the result maps c→a. */
export function composeMaps(outer: Int32Array, inner: Int32Array): Int32Array {
  const out = new Int32Array(outer.length);
  for (let i = 0; i < outer.length; i++) out[i] = inner[outer[i]];
  return out;
}

/**
 * Maps a half-open range of the newer string to the older one. The end is taken from the
 * last included character so that characters dropped after it are not pulled in. Given the
 * older string, the end also takes in the rest of the last character as the older string
 * writes it: the second half of a surrogate pair, and the combining marks that follow it
 * (composed into it by NFC, "e\u0301" read as "é", or kept apart, as a keycap's), so that a
 * span never ends inside the character it ends with.
 */
export function mapRange(map: Int32Array, start: number, end: number, older?: string): { start: number; end: number } {
  const s = map[start];
  if (end <= start) return { start: s, end: s };
  let e = Math.max(s, map[end - 1] + 1);
  if (older !== undefined) while (e < older.length && (isPairTail(older, e) || isMark(older, e))) e++;
  return { start: s, end: e };
}

const MARK = /^\p{M}$/u;

/** A combining mark (of any plane) at `i`, after a character it can belong to. */
function isMark(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x300 || i === 0 || /[\n\r\t]/.test(text[i - 1])) return false;
  return MARK.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

function isPairTail(text: string, i: number): boolean {
  const lo = text.charCodeAt(i);
  const hi = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
}

/** Builds a string and its offset map piece by piece. */
export class MappedBuilder {
  private parts: string[] = [];
  private offsets = new Int32Array(1024);
  private length = 0;

  /** Appends `text`, whose characters sit at `origin`, `origin+1`, … in the older string. */
  appendSlice(text: string, origin: number): void {
    this.parts.push(text);
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.offsets[this.length + i] = origin + i;
    this.length += text.length;
  }

  /** Appends `text`, all of whose characters stand for the older character at `origin`. */
  appendAt(text: string, origin: number): void {
    this.parts.push(text);
    this.reserve(text.length);
    this.offsets.fill(origin, this.length, this.length + text.length);
    this.length += text.length;
  }

  get size(): number {
    return this.length;
  }

  finish(endOrigin: number): { text: string; map: Int32Array } {
    const map = new Int32Array(this.length + 1);
    map.set(this.offsets.subarray(0, this.length));
    map[this.length] = endOrigin;
    return { text: this.parts.join(''), map };
  }

  private reserve(more: number): void {
    if (this.length + more <= this.offsets.length) return;
    let size = this.offsets.length * 2;
    while (size < this.length + more) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.offsets.subarray(0, this.length));
    this.offsets = grown;
  }
}
