/** Citations: planning the edit that cites a source after a sentence, and the bibliography entry. */
export { planCitation, planCitations, type CitationItem, type CitationPlan, type CitationRequest, type CitationsPlan } from './planCitation';
export { CITATION_STYLES, type CitationStyle } from './citationStyle';
export type { CitationSource } from './citationSource';
export { citationKey } from './citationKey';
export { cslItem, findCslItem, formatReference, stringifyCsl, validateCslItem, type CslItem } from './cslJson';
export { bibliographyEdit, parseBibliography } from './bibliographyEdit';
export { applyEdits, minimalEdit, type TextEdit } from './textEdit';
export { draftSentences, sentenceAt, type DraftSentence } from './citedSentence';
