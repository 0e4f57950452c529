import type { ViewModel } from './viewModel';
import type { SourceInput, Problem } from '../compare/compareSources';
import { buildResult } from '../compare/compareSources';
import { prepareDoc } from '../sources/prepare';
import { analyze } from '../compare/analyze';
import type { Analysis } from '../compare/context';
import { buildRows } from './rows';

/**
 * The engine's entry point for the editor: the contract result plus what the side-by-side
 * panel draws. Sources are taken in id order, as in `compareSources`.
 */
export function buildViewModel(inputs: SourceInput[], problems: Problem[] = []): ViewModel {
  return viewModelOf(analyzeInputs(inputs), problems);
}

/** The sources analysed in id order: what a view model is built from, and what a draft's `SourceIndex` can reuse. */
export function analyzeInputs(inputs: SourceInput[]): Analysis {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return analyze(sorted.map((s) => prepareDoc(s.id, s.path, s.read)));
}

/** The view model of an analysis made by `analyzeInputs`. */
export function viewModelOf(analysis: Analysis, problems: Problem[] = []): ViewModel {
  const { docs } = analysis;
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
