/**
 * Checking a draft against a source set: what the extension and the command line call.
 * Build a `SourceIndex` once per source set, then `checkDraft` each version of each draft.
 */
export { checkDraft } from './checkDraft';
export type { CheckOptions } from './draftContext';
export { SourceIndex, type PassageMatch } from './sourceIndex';
export { readDraft, type DraftInput, type DraftText } from './draftText';
export { rankPassages, type RankedPassage } from './rankPassages';
export { SEVERITY_RANK, type DiagnosticKind, type DraftDiagnostic, type DraftVerdict, type Evidence, type Severity } from './diagnostic';
