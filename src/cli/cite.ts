import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { CiteArgs } from './args';
import { EXIT, type Io } from './io';
import { readDraftFile, type DraftFile } from './draftFile';
import { readSourceSet } from './sourceSet';
import { SourceIndex } from '../core/draft/sourceIndex';
import { readDraft } from '../core/draft/draftText';
import { rankPassages, type RankedPassage } from '../core/draft/rankPassages';
import { draftSentences, sentenceAt } from '../core/cite/citedSentence';
import { planCitation } from '../core/cite/planCitation';
import { applyEdits, type TextEdit } from '../core/cite/textEdit';
import { bibliographyEdit, parseBibliography } from '../core/cite/bibliographyEdit';
import { stringifyCsl, type CslItem } from '../core/cite/cslJson';
import { LineIndex } from '../core/text/lineColumn';

/**
 * `corroborate cite`: plans the citation of the best-supporting source after the sentence
 * at a line, prints it as a unified diff, and with --write applies it to the draft (and
 * adds the entry to the bibliography). Sources are only ever read.
 */
export async function cite(args: CiteArgs, io: Io): Promise<number> {
  const read = await readDraftFile(args.draft, args.kind, args.maxBytes);
  if (!read.ok) {
    io.stderr(`corroborate: ${args.draft}: ${read.message}\n`);
    return EXIT.nothingToCompare;
  }
  const exclude = [args.draft, ...(args.bibliography ? [args.bibliography] : [])];
  const { analyses, problems } = await readSourceSet(args.sources, args.maxBytes, io, exclude);
  if (analyses.length === 0) {
    io.stderr('corroborate: no readable sources to cite\n');
    return EXIT.nothingToCompare;
  }
  const index = SourceIndex.fromAnalyses(analyses);
  const draft = readDraft(read.draft);
  const offset = lineOffset(read.draft.text, args.line, args.column);
  if (offset === null) {
    io.stderr(`corroborate: ${args.draft} has no line ${args.line}\n`);
    return EXIT.usage;
  }
  const sentence = sentenceAt(draftSentences(draft), offset);
  if (!sentence) {
    io.stderr(`corroborate: ${args.draft} has no sentence to cite\n`);
    return EXIT.differences;
  }
  const s = draft.doc.sentences[sentence.index];
  const chosen = choosePassage(args, index, draft.doc.norm.slice(s.start, s.end), io);
  if (typeof chosen === 'number') return chosen;

  let bibliography: CslItem[] = [];
  let bibText = '';
  if (args.bibliography) {
    bibText = await readFile(args.bibliography, 'utf8').catch(() => '');
    try {
      bibliography = parseBibliography(bibText);
    } catch (e) {
      io.stderr(`corroborate: ${args.bibliography}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.usage;
    }
  }
  const plan = planCitation({ draft, at: { start: sentence.start, end: sentence.end }, source: index.citationSource(chosen.doc), passage: chosen.passage?.text, style: args.style, bibliography });
  if (plan.note) io.stderr(`corroborate: ${plan.note}\n`);
  if (plan.edits.length === 0) {
    io.stderr(`corroborate: the sentence at line ${args.line} already cites ${index.docs[chosen.doc].id} ([${plan.key}])\n`);
    return EXIT.differences;
  }
  io.stderr(`corroborate: citing ${index.docs[chosen.doc].id}${chosen.passage ? ` (similarity ${chosen.passage.score}): “${chosen.passage.text.replace(/\s+/g, ' ').slice(0, 100)}”` : ''}\n`);
  const newDraft = applyEdits(read.draft.text, plan.edits);
  io.stdout(patch(args.draft, read.draft.text, newDraft));
  let bibEdit: TextEdit | null = null;
  if (plan.bibliographyEntry) {
    if (args.bibliography) {
      bibEdit = bibliographyEdit(bibText, plan.bibliographyEntry);
      io.stdout(patch(args.bibliography, bibText, applyEdits(bibText, [bibEdit])));
    } else io.stderr(`corroborate: add this entry to the bibliography (or give --bibliography FILE):\n${stringifyCsl(plan.bibliographyEntry)}\n`);
  }
  if (args.write) {
    const written = await write(args, read, newDraft, bibEdit ? applyEdits(bibText, [bibEdit]) : null, io);
    if (written !== EXIT.ok) return written;
  }
  return problems.length ? EXIT.someUnreadable : EXIT.ok;
}

function lineOffset(text: string, line: number, column: number | null): number | null {
  const start = new LineIndex(text).lineStart(line);
  if (start === null) return null;
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end < 0 ? text.length : end);
  if (column !== null) return start + Math.min(column - 1, lineText.length);
  const first = lineText.search(/\S/);
  return start + (first < 0 ? 0 : first);
}

/** The passage to cite: the best of the asked source, or the best of all. */
function choosePassage(args: CiteArgs, index: SourceIndex, sentence: string, io: Io): { doc: number; passage: RankedPassage | null } | number {
  const ranked = rankPassages(sentence, index, { limit: index.docs.length });
  if (args.source) {
    const want = args.source;
    const doc = index.docs.findIndex((d) => d.id === want || basename(d.path) === want || resolve(d.path) === resolve(want));
    if (doc < 0) {
      io.stderr(`corroborate: no source "${want}" (the sources are ${index.docs.map((d) => d.id).join(', ')})\n`);
      return EXIT.usage;
    }
    const origins = index.analysis.origins;
    return { doc, passage: ranked.find((r) => r.source === index.docs[doc].id) ?? ranked.find((r) => origins.of(index.docIndex(r.source)) === origins.of(doc)) ?? null };
  }
  const best = ranked[0];
  if (!best) {
    io.stderr('corroborate: no source passage supports this sentence; give --source to cite one anyway\n');
    return EXIT.differences;
  }
  return { doc: index.docIndex(best.source), passage: best };
}

function patch(path: string, before: string, after: string): string {
  return createTwoFilesPatch(path, path, before, after, '', '', { context: 3 });
}

/** Writes the draft only if it is still what was read (an edit is never applied to a newer text). */
async function write(args: CiteArgs, read: DraftFile, newDraft: string, newBib: string | null, io: Io): Promise<number> {
  if (!read.writable) {
    io.stderr(`corroborate: ${args.draft} is not UTF-8; not written (the diff above shows the edit)\n`);
    return EXIT.internal;
  }
  const now = new Uint8Array(await readFile(args.draft));
  if (now.length !== read.bytes.length || now.some((b, i) => b !== read.bytes[i])) {
    io.stderr(`corroborate: ${args.draft} changed while the citation was planned; nothing written\n`);
    return EXIT.internal;
  }
  const body = Buffer.from(newDraft, 'utf8');
  await writeFile(args.draft, read.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  io.stderr(`corroborate: wrote ${args.draft}\n`);
  if (newBib !== null && args.bibliography) {
    await writeFile(args.bibliography, newBib, 'utf8');
    io.stderr(`corroborate: wrote ${args.bibliography}\n`);
  }
  return EXIT.ok;
}
