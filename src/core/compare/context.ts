import type { Doc, Entity, Figure, NameMention, Quote } from '../types';
import type { Segment } from '../align/segments';
import type { AlignedPassage } from '../align/passages';
import type { DuplicateOf } from '../align/duplicates';
import type { Origins } from './origins';

/** Everything the finding builders read: one analysis of one source set. */
export interface Analysis {
  docs: Doc[];
  segments: Segment[];
  passages: AlignedPassage[];
  duplicates: DuplicateOf[];
  origins: Origins;
  names: NameMention[][];
  entities: Entity[];
  figures: Figure[][];
  quotes: Quote[][];
  /** passageOf[doc].get(sentence) = index of the passage the sentence is in. */
  passageOf: Array<Map<number, number>>;
}

export function docIndex(analysis: Analysis, id: string): number {
  return analysis.docs.findIndex((d) => d.id === id);
}
