/** What a citation says about a source: its id in the source set and its details. */
export interface CitationSource {
  id: string;
  title?: string;
  outlet?: string;
  url?: string;
  date?: string;
  author?: string;
}
