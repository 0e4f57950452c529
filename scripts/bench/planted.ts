/**
 * How many of the differences the corpus generator planted (a figure or a name a report
 * writes its own way) `compare` reports as a difference: the benchmark's recall check, so
 * that a speed change that loses findings at scale shows up as a figure.
 *
 * A planted change counts when the changed report still contains the new wording and some
 * other report the original wording; it is found when a `differ` finding of its kind has a
 * mention with the new wording in that report and one with the original wording elsewhere.
 */
import type { CompareResult } from '../../src/core/result';
import type { Report } from './corpus';

export interface PlantedRecall {
  planted: number;
  found: number;
}

const wordRe = (w: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');

export function plantedRecall(reports: Report[], result: CompareResult): PlantedRecall {
  const idOf = new Map(result.sources.map((s) => [s.path.replace(/^.*[\\/]/, ''), s.id]));
  let planted = 0;
  let found = 0;
  for (const rep of reports) {
    for (const p of rep.planted) {
      const to = wordRe(p.to);
      const from = wordRe(p.from);
      if (!to.test(rep.text) || !reports.some((o) => o !== rep && from.test(o.text))) continue;
      planted++;
      const id = idOf.get(rep.name);
      const hit = result.findings.some((f) => f.kind === p.kind && f.verdict === 'differ'
        && f.mentions.some((m) => m.source === id && to.test(m.text))
        && f.mentions.some((m) => m.source !== id && from.test(m.text)));
      if (hit) found++;
    }
  }
  return { planted, found };
}
