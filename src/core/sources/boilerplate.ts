import type { Doc } from '../types';

/** Placeholder replaced below. */
export function markBoilerplate(_doc: Doc): void {}
