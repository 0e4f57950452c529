import type { ViewModel } from './viewModel';
import type { SourceInput, Problem } from '../compare/compareSources';
import { buildResult } from '../compare/compareSources';
import { prepareDoc } from '../sources/prepare';
import { analyze } from '../compare/analyze';
import { buildRows } from './rows';

/**
 * The engine's entry point for the editor: the contract result plus what the side-by-side
 * panel draws. Sources are taken in id order, as in `compareSources`.
 */
export function buildViewModel(inputs: SourceInput[], problems: Problem[] = []): ViewModel {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const docs = sorted.map((s) => prepareDoc(s.id, s.path, s.read));
  const analysis = analyze(docs);
  const result = buildResult(analysis, problems);
  const rows = buildRows(analysis, result.passages.map((p) => p.id), result.passages);
  return {
    version: 1,
    sources: result.sources.map((s, i) => ({
      id: s.id,
      path: s.path,
      title: s.title,
      ...(s.outlet ? { outlet: s.outlet } : {}),
      ...(s.date ? { date: s.date } : {}),
      ...(s.url ? { url: s.url } : {}),
      ...(s.copyOf ? { copyOf: s.copyOf } : {}),
      text: docs[i].raw,
      boilerplate: s.boilerplate,
      notes: s.notes,
    })),
    rows,
    findings: result.findings,
    duplicates: result.duplicates,
    problems,
  };
}
