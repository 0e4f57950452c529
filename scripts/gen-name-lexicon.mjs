// Generates src/core/extract/nameLexiconTable.ts: the places and organisations that
// compromise's lexicon knows, with compromise's own answers, and the word lists of its rules
// for names it does not know, so that the engine does not load compromise (~250 ms of
// start-up, most of a CLI run on a few articles) to classify the few names no cue in the
// text classified.
//   npm run gen:lexicon                 (writes the module; = node --import tsx scripts/gen-name-lexicon.mjs)
//   npm run gen:lexicon -- --check      (exit 1 if the module is not what it would write)
// Nothing in the table is written by hand. Every entry of compromise's lexicon is asked as a
// title-case name, the way the engine used to ask ('^#Place+$', '^#Organization+$'); the
// place and organisation answers are the table, and the entries that the engine's rules
// (nameLexicon.ts, evaluated here on the new table) would answer otherwise are kept as
// exceptions, so every entry gets compromise's answer. The rules' word lists (place
// endings, nouns that end organisations and places, directions, …) are read from
// compromise's model, one from its tagger's source. The output depends only on the
// installed compromise: sorted, no dates. test/unit/lexiconTable.test.ts checks that the
// module is current and compares its answers with compromise's live ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLexicon, kindIn, nameKey } from '../src/core/extract/nameLexicon.ts';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(root, 'src', 'core', 'extract', 'nameLexiconTable.ts');

/** A lexicon key as a name: "new york" → "New York". */
export const titleCase = (key) => key.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep, c) => sep + c.toUpperCase());

/** compromise's answer for a name, exactly as nameLexicon.ts used to ask it. */
export function liveKind(nlp, name) {
  const doc = nlp(name);
  return doc.match('^#Place+$').found ? 'place' : doc.match('^#Organization+$').found ? 'organization' : null;
}

export function loadCompromise() {
  const mod = require('compromise/two');
  return mod.default ?? mod;
}

const need = (value, what) => {
  if (!value) throw new Error(`compromise has no ${what} any more: update scripts/gen-name-lexicon.mjs`);
  return value;
};

/**
 * The table's lists (the LexiconData of nameLexicon.ts), computed from the installed
 * compromise, and compromise's answers for its lexicon's entries ({ name, kind }).
 */
export function buildTable(nlp = loadCompromise()) {
  const model = nlp.model();
  const tagSet = model.one.tagSet;
  const under = (tag, root) => tag === root || (tagSet[tag]?.parents ?? []).includes(root);
  const lexicon = model.one.lexicon;
  const keys = Object.keys(lexicon).filter((k) => /\p{L}/u.test(k)).sort();

  // Its suffix rule for unknown words ("-ville" → place); a longer suffix of another kind
  // that ends with a place suffix would win over it.
  const placeSuffixes = [];
  const otherSuffixes = [];
  for (const bySize of model.two.suffixPatterns) {
    for (const [suffix, tag] of Object.entries(bySize ?? {})) (under(tag, 'Place') ? placeSuffixes : otherSuffixes).push(suffix);
  }
  const blockers = otherSuffixes.filter((s) => placeSuffixes.some((p) => s.length > p.length && s.endsWith(p)));
  // Known words are not given a kind by their ending: only those that end like a place matter.
  const knownPlaceLike = keys.filter((k) => !k.includes(' ') && placeSuffixes.some((p) => k.length > p.length && k.endsWith(p)));
  // Single words' own tags, for names made of several words ("Missouri-Illinois").
  const placeTagged = [];
  const organizationTagged = [];
  for (const key of keys) {
    if (key.includes(' ')) continue;
    const tags = [].concat(lexicon[key]);
    if (tags.some((t) => under(t, 'Place'))) placeTagged.push(key);
    else if (tags.some((t) => under(t, 'Organization'))) organizationTagged.push(key);
  }
  // Its rule "(west|north|…)+ #Place" → a region ("East Berlin"): the directions.
  const compassRule = need(model.two.matches.find((m) => m.reason === 'west-norfolk' && /^\([a-z|]+\)\+ #Place$/.test(m.match)), 'a "(west|north|…)+ #Place" rule');
  const compass = compassRule.match.slice(1, compassRule.match.indexOf(')')).split('|');
  // "#Place+ #Noun{0,2} (club|society|…)" → an organisation ("Atlanta Club"): the nouns.
  const societyRule = need(model.two.matches.find((m) => m.reason === 'place-noun-society' && /\(([a-z|]+)\)$/.test(m.match)), 'a "#Place+ … (club|society|…)" rule');
  const society = /\(([a-z|]+)\)$/.exec(societyRule.match)[1].split('|');
  // "university of #Place" → an organisation: the nouns of rules of that form.
  const ofPlace = model.two.matches
    .filter((m) => m.tag === 'Organization' && /^\(?[a-z|]+\)? of #Place$/.test(m.match))
    .flatMap((m) => m.match.slice(0, m.match.indexOf(' of ')).replace(/[()]/g, '').split('|'));
  need(ofPlace.length, 'a "university of #Place" rule');
  // Place nouns that do not make a place of the word after them ("Field Marshal"): a
  // constant of its tagger's code, not of its model, so read from the source it ships.
  const placeTagger = readFileSync(join(dirname(require.resolve('compromise/two')), '..', '..', 'src', '2-two', 'preTagger', 'compute', 'tagger', '3rd-pass', '04-placeWords.js'), 'utf8');
  const noBefore = [...need(/const noBefore = new Set\(\[([^\]]*)\]\)/.exec(placeTagger), 'noBefore set in its placeWords tagger')[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const trueKeys = (o) => Object.keys(o).filter((w) => o[w] === true);

  const set = (a) => [...new Set(a)].sort().join('|');
  const data = {
    PLACES: '',
    ORGANIZATIONS: '',
    EXCEPTIONS: '',
    PLACE_TAGGED: set(placeTagged),
    ORGANIZATION_TAGGED: set(organizationTagged),
    KNOWN_PLACE_LIKE: set(knownPlaceLike),
    PLACE_SUFFIXES: set(placeSuffixes),
    SUFFIX_BLOCKERS: set(blockers),
    PLACE_NOUNS: set(trueKeys(model.two.placeWords)),
    ORGANIZATION_NOUNS: set(trueKeys(model.two.orgWords)),
    COMPASS: set(compass),
    SOCIETY_NOUNS: set(society),
    PLACE_NOUNS_NOT_FIRST: set(noBefore),
    ORGANIZATIONS_OF_PLACES: set(ofPlace),
  };
  // Every entry, asked as a name.
  const answers = new Map();
  for (const key of keys) {
    const name = titleCase(key);
    const k = nameKey(name);
    if (k && !answers.has(k)) answers.set(k, { name, kind: liveKind(nlp, name) });
  }
  const places = [...answers].filter(([, a]) => a.kind === 'place').map(([k]) => k);
  const orgs = [...answers].filter(([, a]) => a.kind === 'organization').map(([k]) => k);
  data.PLACES = set(places);
  data.ORGANIZATIONS = set(orgs);
  // The entries the rules would answer otherwise (a phrasal verb "Falls Back" is no place).
  const rules = buildLexicon(data);
  const exceptions = [];
  for (const [k, { name, kind }] of answers) {
    if (kindIn(rules, name) !== kind) exceptions.push(`${k}=${kind === 'place' ? 'p' : kind === 'organization' ? 'o' : '-'}`);
  }
  data.EXCEPTIONS = set(exceptions);
  return { version: nlp.version, data, answers: [...answers.values()] };
}

/** The module's source text: lists joined by '|' (compact; split once, on the first name asked). */
export function renderTable({ version, data }) {
  const lines = [
    `// Generated by scripts/gen-name-lexicon.mjs from compromise ${version}. Do not edit: run`,
    '// `npm run gen:lexicon` (test/unit/lexiconTable.test.ts fails when this is stale).',
    `export const COMPROMISE_VERSION = ${JSON.stringify(version)};`,
  ];
  for (const [name, value] of Object.entries(data)) lines.push(`export const ${name} = ${JSON.stringify(value)};`);
  return lines.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderTable(buildTable());
  if (process.argv.includes('--check')) {
    if (readFileSync(OUT, 'utf8') !== text) {
      console.error(`${OUT} is stale: run npm run gen:lexicon`);
      process.exit(1);
    }
    console.log(`${OUT} is current`);
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT} (${text.length} characters)`);
  }
}
