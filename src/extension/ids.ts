/**
 * Every identifier the extension shares with package.json, in one place, so that a renamed
 * command or view cannot silently fall out of step with its contribution.
 */

export const COMMANDS = {
  compare: 'corroborate.compare',
  addSource: 'corroborate.addSource',
  removeSource: 'corroborate.removeSource',
  editSourceDetails: 'corroborate.editSourceDetails',
  exportReport: 'corroborate.exportReport',
  nextDifference: 'corroborate.nextDifference',
  previousDifference: 'corroborate.previousDifference',
  toggleOnlyDifferences: 'corroborate.toggleOnlyDifferences',
  refresh: 'corroborate.refresh',
  showPanel: 'corroborate.showPanel',
  checkDraft: 'corroborate.checkDraft',
  insertCitation: 'corroborate.insertCitation',
  citeAllVerifiedQuotes: 'corroborate.citeAllVerifiedQuotes',
  clearIgnored: 'corroborate.clearIgnored',
  clearCache: 'corroborate.clearCache',
  // Internal: links in hovers, tree items and context menus; hidden from the palette.
  openSource: 'corroborate.openSource',
  openSourceAt: 'corroborate.openSourceAt',
  revealFinding: 'corroborate.revealFinding',
  // Internal: the quick fixes of draft diagnostics run as commands, so that each checks the
  // document version it was computed for before it edits anything.
  applyDraftFix: 'corroborate.applyDraftFix',
  ignoreFinding: 'corroborate.ignoreFinding',
} as const;

/** The `source` of every diagnostic the extension publishes (shown in the Problems panel). */
export const DIAGNOSTIC_SOURCE = 'Corroborate';

export const VIEWS = {
  container: 'corroborate',
  sources: 'corroborate.sources',
  findings: 'corroborate.findings',
} as const;

export const PANEL_VIEW_TYPE = 'corroborate.compare';

export const CONTEXT = {
  hasSources: 'corroborate.hasSources',
  busy: 'corroborate.busy',
  onlyDifferences: 'corroborate.onlyDifferences',
  /** The set's file paths, for `resourcePath in corroborate.sourcePaths` in menus. */
  sourcePaths: 'corroborate.sourcePaths',
} as const;

export const COLORS = {
  differBackground: 'corroborate.differBackground',
  differBorder: 'corroborate.differBorder',
  agreeBorder: 'corroborate.agreeBorder',
  boilerplateForeground: 'corroborate.boilerplateForeground',
} as const;

/** Keys in `context.workspaceState`: the store is per workspace, so is what it remembers. */
export const STATE = {
  sourceSet: 'corroborate.sourceSet',
  sourceDetails: 'corroborate.sourceDetails',
  filter: 'corroborate.filter',
  /** Fingerprints of draft findings the user chose to ignore. */
  ignoredDraftFindings: 'corroborate.ignoredDraftFindings',
} as const;

/** Tree item context values, used in `view/item/context` menus. */
export const ITEM = {
  source: 'corroborate.source',
  unreadableSource: 'corroborate.source.unreadable',
} as const;
