import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedDoc } from '../helpers';
import { prepareDoc } from '../../src/core/sources/prepare';
import { readSource } from '../../src/core/sources/readSource';
import { SourceIndex } from '../../src/core/draft/sourceIndex';
import { checkDraft } from '../../src/core/draft/checkDraft';
import type { DraftDiagnostic } from '../../src/core/draft/diagnostic';
import type { DraftInput } from '../../src/core/draft/draftText';
import type { Doc } from '../../src/core/types';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'drafts', name), 'utf8');
}

export function draft(name: string, kind: DraftInput['kind'] = 'markdown'): DraftInput {
  return { id: name, text: fixture(name), kind };
}

/** The seeds as Docs; `prefixes` picks some ("001", "003"). */
export function seedDocs(prefixes = ['000', '001', '002', '003', '004']): Doc[] {
  return prefixes.map(seedDoc);
}

let seedIndex: SourceIndex | undefined;
/** One index over all five seeds, built once for the whole file. */
export function seeds(): SourceIndex {
  return (seedIndex ??= SourceIndex.fromDocs(seedDocs()));
}

/** The invented event's three outlets, read as the CLI reads them (Markdown with front matter). */
export function quakeDocs(): Doc[] {
  const dir = join(FIXTURES, 'quake', 'sources');
  return readdirSync(dir)
    .sort()
    .map((f) => prepareDoc(f, join(dir, f), readSource(f, readFileSync(join(dir, f)))));
}

/** Diagnostics whose text includes `text`, of a kind and detail. */
export function find(ds: DraftDiagnostic[], kind: string, detail: string, text: string): DraftDiagnostic[] {
  return ds.filter((d) => d.kind === kind && d.detail === detail && d.text.includes(text));
}

export function one(ds: DraftDiagnostic[], kind: string, detail: string, text: string): DraftDiagnostic {
  const hits = find(ds, kind, detail, text);
  if (hits.length !== 1) throw new Error(`expected one ${kind}/${detail} on “${text}”, got ${hits.length}:\n${ds.map((d) => `${d.kind}/${d.detail} ${JSON.stringify(d.text)}`).join('\n')}`);
  return hits[0];
}

/** No diagnostic of these kinds touches the first occurrence of `text` in the draft. */
export function quietOn(ds: DraftDiagnostic[], draftText: string, text: string, kinds: string[] = ['quote', 'figure', 'name']): DraftDiagnostic[] {
  const start = draftText.indexOf(text);
  if (start < 0) throw new Error(`“${text}” is not in the draft`);
  const end = start + text.length;
  return ds.filter((d) => kinds.includes(d.kind) && d.severity !== 'information' && d.start < end && d.end > start);
}

export { checkDraft };
