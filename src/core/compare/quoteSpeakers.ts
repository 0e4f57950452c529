import type { NameMention, Quote } from '../types';
import type { Analysis } from './context';

/**
 * Maps a quote's speaker to an entity: the name mention inside the speaker phrase, or the
 * entity whose mentions in that source are written like the speaker.
 */
export function speakerResolver(analysis: Analysis): (doc: number, q: Quote) => string | null {
  const entityOf = new Map<NameMention, string>();
  for (const e of analysis.entities) for (const m of e.mentions) entityOf.set(m, e.id);
  return (doc, q) => {
    const mentions = analysis.names[doc] ?? [];
    if (q.speakerSpan) {
      const inside = mentions.find((m) => m.start < q.speakerSpan!.end && m.end > q.speakerSpan!.start && m.kind === 'person');
      if (inside) return entityOf.get(inside) ?? null;
    }
    if (q.speaker) {
      const same = mentions.find((m) => m.kind === 'person' && (m.text === q.speaker || m.resolvedTo === q.speaker));
      if (same) return entityOf.get(same) ?? null;
    }
    return null;
  };
}
