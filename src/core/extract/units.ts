import type { Token } from './figureTokens';
import { lexicon } from '../text/lexicon';

/**
 * Units that turn a number into money, a percentage or a measure. The returned noun is the
 * unit's canonical name, so that "$2.5bn" and "2.5 billion dollars" share the noun "dollar".
 */

/** Currency symbols written before the number, and three-letter codes. */
const SYMBOLS: Record<string, string> = lexicon({
  $: 'dollar', '£': 'pound', '€': 'euro', '¥': 'yen', '₹': 'rupee', '₽': 'rouble', '₴': 'hryvnia',
  '₩': 'won', '₪': 'shekel', '₺': 'lira', '₦': 'naira', '₱': 'peso', '฿': 'baht',
});
/** Letters glued before "$": "US$", "A$", "HK$". */
const DOLLAR_PREFIXES: Record<string, string> = lexicon({
  us: 'dollar', a: 'australian dollar', au: 'australian dollar', c: 'canadian dollar', ca: 'canadian dollar',
  hk: 'hong kong dollar', nz: 'new zealand dollar', s: 'singapore dollar', r: 'real',
});
const CODES: Record<string, string> = lexicon({
  usd: 'dollar', eur: 'euro', gbp: 'pound', jpy: 'yen', cny: 'yuan', rmb: 'yuan', inr: 'rupee', rs: 'rupee',
  rub: 'rouble', uah: 'hryvnia', chf: 'franc', aud: 'australian dollar', cad: 'canadian dollar',
  krw: 'won', ils: 'shekel', try: 'lira', brl: 'real', zar: 'rand', ngn: 'naira', kes: 'shilling',
});
/** Currency words written after the number. */
const CURRENCY_WORDS: Record<string, string> = lexicon({
  dollar: 'dollar', dollars: 'dollar', euro: 'euro', euros: 'euro', pound: 'pound', pounds: 'pound',
  sterling: 'pound', yen: 'yen', yuan: 'yuan', renminbi: 'yuan', rupee: 'rupee', rupees: 'rupee',
  rouble: 'rouble', roubles: 'rouble', ruble: 'rouble', rubles: 'rouble', hryvnia: 'hryvnia',
  hryvnias: 'hryvnia', franc: 'franc', francs: 'franc', peso: 'peso', pesos: 'peso',
  shekel: 'shekel', shekels: 'shekel', rand: 'rand', lira: 'lira', dinar: 'dinar', dinars: 'dinar',
  riyal: 'riyal', riyals: 'riyal', dirham: 'dirham', dirhams: 'dirham', naira: 'naira', cents: 'cent',
  pence: 'penny', p: 'penny',
});

export interface CurrencyPrefix {
  /** Tokens taken by the symbol or code. */
  length: number;
  currency: string;
}

/** A currency written before a number at token `i`: "$", "US$", "£", "USD ", "Rs ". */
export function currencyBefore(tokens: Token[], i: number): CurrencyPrefix | null {
  const a = tokens[i];
  const b = tokens[i + 1];
  const c = tokens[i + 2];
  if (!a || !b) return null;
  if (a.type === 'punct' && SYMBOLS[a.text] && b.type === 'num' && b.glued) return { length: 1, currency: SYMBOLS[a.text] };
  if (a.type === 'word' && b.text === '$' && b.glued && c?.type === 'num' && c.glued && DOLLAR_PREFIXES[a.lower]) {
    return { length: 2, currency: DOLLAR_PREFIXES[a.lower] };
  }
  if (a.type === 'word' && /^\p{Lu}+$/u.test(a.text) && CODES[a.lower] && b.type === 'num') return { length: 1, currency: CODES[a.lower] };
  if (a.lower === 'rs' && b.text === '.' && c?.type === 'num') return { length: 2, currency: 'rupee' };
  return null;
}

/** A currency word or code after the number ("5 million dollars", "300 euros", "5m USD"). */
export function currencyAfter(tokens: Token[], i: number): CurrencyPrefix | null {
  const t = tokens[i];
  if (!t || t.type !== 'word') return null;
  if (t.lower === 'p' && !t.glued) return null; // "5 p" is rare; "5p" is pence
  if (CURRENCY_WORDS[t.lower]) {
    // "US dollars", "pounds sterling"
    const sterling = tokens[i + 1]?.lower === 'sterling' ? 1 : 0;
    return { length: 1 + sterling, currency: CURRENCY_WORDS[t.lower] };
  }
  if (t.lower === 'us' && (tokens[i + 1]?.lower === 'dollars' || tokens[i + 1]?.lower === 'dollar')) return { length: 2, currency: 'dollar' };
  if (/^\p{Lu}{3}$/u.test(t.text) && CODES[t.lower]) return { length: 1, currency: CODES[t.lower] };
  return null;
}

/** "%", "percent", "per cent", "pct", "percentage points", "basis points". Factor converts to percent. */
export function percentAfter(tokens: Token[], i: number): { length: number; noun: string; factor: number } | null {
  const t = tokens[i];
  const n = tokens[i + 1];
  if (!t) return null;
  if (t.text === '%' && t.glued) {
    if (n?.lower === 'points' || n?.lower === 'point') return { length: 2, noun: 'percentage point', factor: 1 };
    return { length: 1, noun: 'percent', factor: 1 };
  }
  if (t.type !== 'word') return null;
  if (t.lower === 'percent' || t.lower === 'pct' || (t.lower === 'pc' && !t.glued)) return { length: 1, noun: 'percent', factor: 1 };
  if (t.lower === 'per' && n?.lower === 'cent') return { length: 2, noun: 'percent', factor: 1 };
  if (t.lower === 'percentage' && (n?.lower === 'points' || n?.lower === 'point')) return { length: 2, noun: 'percentage point', factor: 1 };
  if (t.lower === 'basis' && (n?.lower === 'points' || n?.lower === 'point')) return { length: 2, noun: 'percentage point', factor: 0.01 };
  return null;
}

/** Units of measure (and of duration), by the word or abbreviation written after the number. */
const UNITS: Record<string, string> = lexicon({
  km: 'kilometre', kms: 'kilometre', kilometre: 'kilometre', kilometres: 'kilometre', kilometer: 'kilometre',
  kilometers: 'kilometre', mile: 'mile', miles: 'mile', metre: 'metre', metres: 'metre', meter: 'metre',
  meters: 'metre', cm: 'centimetre', centimetres: 'centimetre', centimeters: 'centimetre', mm: 'millimetre',
  millimetres: 'millimetre', millimeters: 'millimetre', ft: 'foot', feet: 'foot', foot: 'foot', inch: 'inch',
  inches: 'inch', yard: 'yard', yards: 'yard', kg: 'kilogram', kgs: 'kilogram', kilogram: 'kilogram',
  kilograms: 'kilogram', kilo: 'kilogram', kilos: 'kilogram', gram: 'gram', grams: 'gram', tonne: 'tonne',
  tonnes: 'tonne', ton: 'tonne', tons: 'tonne', lb: 'pound', lbs: 'pound', ounce: 'ounce', ounces: 'ounce',
  oz: 'ounce', litre: 'litre', litres: 'litre', liter: 'litre', liters: 'litre', gallon: 'gallon',
  gallons: 'gallon', barrel: 'barrel', barrels: 'barrel', bpd: 'barrel per day', hectare: 'hectare',
  hectares: 'hectare', ha: 'hectare', acre: 'acre', acres: 'acre', degree: 'degree', degrees: 'degree',
  mph: 'mile per hour', kph: 'kilometre per hour', knots: 'knot', mw: 'megawatt', megawatts: 'megawatt',
  megawatt: 'megawatt', gw: 'gigawatt', gigawatts: 'gigawatt', gigawatt: 'gigawatt', kw: 'kilowatt',
  kilowatts: 'kilowatt', kwh: 'kilowatt hour', mwh: 'megawatt hour', gwh: 'gigawatt hour',
  twh: 'terawatt hour', bcm: 'billion cubic metre', magnitude: 'magnitude',
  second: 'second', seconds: 'second', minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour',
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year',
  years: 'year', decade: 'decade', decades: 'decade', century: 'century', centuries: 'century',
});
/** Glued abbreviations are units only in this list ("5km", "3kg", "6ft"); "5G" or "3D" are names. */
const GLUED_UNITS = new Set(['km', 'kms', 'cm', 'mm', 'ft', 'in', 'kg', 'kgs', 'lb', 'lbs', 'oz', 'ha', 'mph', 'kph', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'twh', 'bcm', 'bpd', 'm', 'g', 't', 'c', 'f']);
const SQUARE = new Set(['square', 'sq', 'cubic']);

export function unitAfter(tokens: Token[], i: number): { length: number; noun: string } | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.text === '°' && t.glued) {
    const n = tokens[i + 1];
    const scale = n?.glued && (n.lower === 'c' || n.lower === 'f') ? 1 : 0;
    return { length: 1 + scale, noun: 'degree' };
  }
  if (t.type !== 'word') return null;
  if (SQUARE.has(t.lower)) {
    const u = UNITS[tokens[i + 1]?.lower ?? ''];
    if (u) return { length: 2, noun: `${t.lower === 'cubic' ? 'cubic' : 'square'} ${u}` };
    return null;
  }
  if (t.glued) {
    if (!GLUED_UNITS.has(t.lower)) return null;
    if (t.lower === 'm') return { length: 1, noun: 'metre' };
    if (t.lower === 'g') return { length: 1, noun: 'gram' };
    if (t.lower === 't') return { length: 1, noun: 'tonne' };
    if (t.lower === 'in') return { length: 1, noun: 'inch' };
    // "40C (104F)": the scale is part of the unit, so 40C and 104F are never read as equal units.
    if (t.text === 'C') return { length: 1, noun: 'degree celsius' };
    if (t.text === 'F') return { length: 1, noun: 'degree fahrenheit' };
    if (t.lower === 'c' || t.lower === 'f') return null;
  }
  const u = UNITS[t.lower];
  return u ? { length: 1, noun: u } : null;
}

/** The unit named by a word, ignoring how it is attached ("10-day", "3-mile"). */
export function unitNoun(lower: string): string | null {
  return UNITS[lower] ?? null;
}

/** Suffixes glued to digits that do not make the number part of a name ("5km", "21st", "1990s"). */
export function isKnownGluedSuffix(lower: string): boolean {
  return GLUED_UNITS.has(lower) || /^(st|nd|rd|th|s|bn|mn|mln|tn|trn|k|b|pc|pct|am|pm|p)$/.test(lower);
}
