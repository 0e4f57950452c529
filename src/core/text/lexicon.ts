/**
 * A word table without a prototype: looking up a word of the text ("constructor",
 * "valueOf") finds nothing instead of an Object method, and `word in table` is true only
 * for the table's own words.
 */
export function lexicon<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
