/**
 * The source set as remembered per workspace, and the edits Add and Remove make to it. Pure
 * (paths are plain strings), so the rules are easy to test.
 *
 * In `list` mode the set is exactly `files`. In `globs` mode (the `corroborate.sources`
 * setting is not empty) `files` is re-expanded from the globs on every comparison, and what
 * the user added or removed by hand is kept in `added`/`removed` so it survives that.
 */
export interface SavedSet {
  mode: 'list' | 'globs';
  files: string[];
  added: string[];
  removed: string[];
}

export const EMPTY_SET: SavedSet = { mode: 'list', files: [], added: [], removed: [] };

export function listSet(files: string[]): SavedSet {
  return { mode: 'list', files: unique(files), added: [], removed: [] };
}

/** Globs mode: the glob matches, plus the files added by hand, minus those removed by hand. */
export function globSet(matches: string[], previous: SavedSet): SavedSet {
  const added = previous.mode === 'globs' ? previous.added : [];
  const removed = previous.mode === 'globs' ? previous.removed : [];
  const gone = new Set(removed);
  return { mode: 'globs', files: unique([...matches, ...added]).filter((f) => !gone.has(f)), added, removed };
}

export function addToSet(set: SavedSet, files: string[]): SavedSet {
  const adding = new Set(files);
  return {
    mode: set.mode,
    files: unique([...set.files, ...files]),
    added: set.mode === 'globs' ? unique([...set.added, ...files]) : [],
    removed: set.removed.filter((f) => !adding.has(f)),
  };
}

export function removeFromSet(set: SavedSet, files: string[]): SavedSet {
  const gone = new Set(files);
  return {
    mode: set.mode,
    files: set.files.filter((f) => !gone.has(f)),
    added: set.added.filter((f) => !gone.has(f)),
    removed: set.mode === 'globs' ? unique([...set.removed, ...files]) : [],
  };
}

/** Whether two sets are the same: mode, files, and the hand-made additions and removals, in order. */
export function sameSet(a: SavedSet, b: SavedSet): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.mode === b.mode && same(a.files, b.files) && same(a.added, b.added) && same(a.removed, b.removed);
}

/** A value read back from workspace storage, which may be from an older version or hand-edited. */
export function parseSavedSet(x: unknown): SavedSet {
  if (!x || typeof x !== 'object') return EMPTY_SET;
  const o = x as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return { mode: o.mode === 'globs' ? 'globs' : 'list', files: unique(strings(o.files)), added: strings(o.added), removed: strings(o.removed) };
}

function unique(files: string[]): string[] {
  return [...new Set(files)];
}
