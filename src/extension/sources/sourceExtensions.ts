/**
 * The file types read as sources when a folder is searched. The engine's list
 * (`SOURCE_EXTENSIONS` in core/sources/readSource.ts) is not imported here because that
 * module pulls the HTML and Markdown readers into the extension host's bundle, where no
 * engine code runs; a unit test keeps the two lists equal.
 */
export const SOURCE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml'] as const;

export function isSourcePath(path: string): boolean {
  const base = path.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 && (SOURCE_EXTENSIONS as readonly string[]).includes(base.slice(dot).toLowerCase());
}
