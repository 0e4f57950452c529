/**
 * The JSON output of `corroborate compare --json` and of the extension's export: the one
 * place that defines its serialisation, so both front ends print byte-identical files.
 */
import type { CompareResult } from '../result';

export function renderJson(result: CompareResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
