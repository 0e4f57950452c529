import type { CheckArgs } from './args';
import { EXIT, type Io } from './io';
import { readDraftFile } from './draftFile';
import { readSourceSet } from './sourceSet';
import { SourceIndex } from '../core/draft/sourceIndex';
import { checkDraft } from '../core/draft/checkDraft';
import { SEVERITY_RANK } from '../core/draft/diagnostic';
import { renderCheckJson } from '../core/report/checkJson';
import { renderCheckTerminal } from '../core/report/checkTerminal';

/** `corroborate check`: the draft against the sources, as a report or as JSON. */
export async function check(args: CheckArgs, io: Io): Promise<number> {
  const read = await readDraftFile(args.draft, args.kind, args.maxBytes);
  if (!read.ok) {
    io.stderr(`corroborate: ${args.draft}: ${read.message}\n`);
    return EXIT.nothingToCompare;
  }
  const { analyses, problems } = await readSourceSet(args.sources, args.maxBytes, io, [args.draft]);
  if (analyses.length === 0) {
    io.stderr('corroborate: no readable sources to check the draft against\n');
    return EXIT.nothingToCompare;
  }
  const docs = analyses.map((a) => a.doc);
  const index = SourceIndex.fromAnalyses(analyses);
  const diagnostics = checkDraft(read.draft, index, { citationStyle: args.style });
  const byId = new Map(docs.map((d) => [d.id, d]));
  if (args.json) {
    const sources = index.docs.map((d) => ({ id: d.id, path: d.path, ...(d.meta.title ? { title: d.meta.title } : {}), ...(d.meta.outlet ? { outlet: d.meta.outlet } : {}), ...(d.meta.url ? { url: d.meta.url } : {}) }));
    io.stdout(renderCheckJson({ version: 1, draft: args.draft, sources, diagnostics, problems }));
  } else {
    const color = args.color ?? (io.isTTY && !io.env.NO_COLOR);
    io.stdout(
      renderCheckTerminal(
        { draftPath: args.draft, draftText: read.draft.text, diagnostics, sourceText: (id) => byId.get(id)?.raw, sourcePath: (id) => byId.get(id)?.path ?? id },
        { color, width: io.columns },
      ),
    );
  }
  if (problems.length > 0) return EXIT.someUnreadable;
  const failOn = args.failOn;
  if (failOn && diagnostics.some((d) => SEVERITY_RANK[d.severity] <= SEVERITY_RANK[failOn])) return EXIT.differences;
  return EXIT.ok;
}
