import type { Doc, ReadResult } from '../types';
import { composeMaps } from '../text/offsetMap';
import { repairText } from '../text/repair';
import { splitBlocks } from '../text/blocks';
import { splitSentences } from '../text/sentences';
import { markBoilerplate } from './boilerplate';

/** Turns what a reader produced into a Doc: repaired text, blocks, sentences, boilerplate. */
export function prepareDoc(id: string, path: string, read: ReadResult): Doc {
  const repaired = repairText(read.text);
  const norm = repaired.text;
  const normToRaw = composeMaps(repaired.map, read.toRaw);
  const notes = [...read.notes];
  if (repaired.damagedSpaces > 0) {
    notes.push(`read ${repaired.damagedSpaces} "?" between words as damaged spaces`);
  }
  const blocks = splitBlocks(norm);
  const sentences = splitSentences(norm, blocks).map((s, index) => ({ ...s, index, boilerplate: false, caption: false }));
  const doc: Doc = { id, path, meta: read.meta, raw: read.raw, norm, normToRaw, blocks, sentences, notes };
  markBoilerplate(doc);
  return doc;
}
