import type { DraftDiagnostic } from '../draft/diagnostic';

/** The result of `corroborate check --json`: the diagnostics contract of the design notes, and more. */
export interface CheckResult {
  version: 1;
  /** The draft as named on the command line. */
  draft: string;
  /** The sources checked against, by id, with their paths. */
  sources: Array<{ id: string; path: string; title?: string; outlet?: string; url?: string }>;
  diagnostics: DraftDiagnostic[];
  /** Sources that could not be read, with the reason. */
  problems: Array<{ path: string; reason: string; message: string }>;
}

export function renderCheckJson(result: CheckResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
