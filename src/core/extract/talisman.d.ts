// talisman ships no type declarations; these cover the two functions the engine uses.
declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, boost threshold 0.7). */
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}

declare module 'talisman/phonetics/double-metaphone' {
  /** Primary and secondary Double Metaphone codes, each at most four characters. */
  const doubleMetaphone: (word: string) => [string, string];
  export default doubleMetaphone;
}
