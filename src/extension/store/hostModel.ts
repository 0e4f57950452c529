import type { ViewModel } from '../../core/view/viewModel';
import { decodeModel } from '../../shared/modelWire';

/**
 * The model as the extension host keeps it. The panel's rows are most of a model (two thirds
 * of its objects) and only the panel draws them, from the worker's JSON bytes
 * (shared/modelWire.ts). So the worker sends the host the model without rows, and the host
 * reads them from those bytes only if something asks (tests, a panel without the bytes):
 * receiving a comparison of hundreds of sources no longer blocks the host for the time it
 * takes to copy every cell of every row.
 */
export function withRowsFrom(model: ViewModel, json: Uint8Array): ViewModel {
  let rows: ViewModel['rows'] | undefined;
  Object.defineProperty(model, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => (rows ??= decodeModel(json).rows),
    set: (value: ViewModel['rows']) => {
      rows = value;
    },
  });
  return model;
}

/** In the worker: the model without its rows, for the host (which gets them as JSON). Never reads `rows`, which may be lazy. */
export function withoutRows(model: ViewModel): ViewModel {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(model)) if (key !== 'rows') out[key] = model[key as keyof ViewModel];
  return { ...(out as Omit<ViewModel, 'rows'>), rows: [] };
}
