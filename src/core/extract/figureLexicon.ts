/**
 * Closed-class English words the figure extractor needs to tell where a noun phrase ends
 * and who a claimant is. Lower case.
 */
const list = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

export const DETERMINERS = list(`
  the a an this that these those its their his her our my your each every any all no some another
  both either neither such what which whose
`);

export const PREPOSITIONS = list(`
  of in on at to for from by with without into onto over under above below across against among
  amongst between through throughout during before after since until till per via near about around
  within toward towards upon despite including like than as beyond behind beside besides inside
  outside along amid amidst except past off out up down following ahead
`);

export const CONJUNCTIONS = list(`
  and or but nor so yet while whereas because if when where that which who whom unless although
  though whether once whilst
`);

export const PRONOUNS = list(`
  i me you he him she it we us they them myself himself herself itself ourselves themselves
  one someone anyone everyone nobody somebody everybody something anything nothing everything
`);

export const AUXILIARIES = list(`
  is are was were be been being am has have had having do does did will would shall should can
  could may might must ought not n't 's
`);

/** Words that never belong to a counted noun phrase, in addition to the sets above. */
export const NON_NOUNS = list(`
  also only just still already even ever never more most less least very too ago then there here
  now today yesterday tomorrow tonight again further rather quite almost nearly about roughly
  respectively each apiece alone altogether instead however meanwhile last next own
  said says say told tell tells according reported reportedly announced added claimed estimated
  were killed injured wounded dead died missing arrested
`);

/**
 * Adjectives and determiners that may stand between a number and the counted noun
 * ("10 such cases", "six different oblasts", "several other members"). They are skipped
 * when looking for the head but kept in the context.
 */
export const PRE_MODIFIERS = list(`
  such other more additional extra further new different separate various individual total
  further former current possible suspected alleged confirmed reported estimated known
  killed injured wounded dead missing arrested detained displaced
`);

/** Verbs that attribute a statement to someone ("X said", "X told", "X estimated"). */
export const ATTRIBUTION_VERBS = list(`
  said say says told tell tells announced announce announces reported claimed stated
  noted wrote writes alleged alleges accused accuses insisted insists argued argues warned warns
  revealed reveals disclosed discloses acknowledged acknowledges admitted admits contended contends
  asserted asserts confirmed confirms believes believe estimated counted recorded documented
  tallied maintained maintains concluded suggested suggests indicated indicates showed tweeted
  posted explained explains testified testifies declared declares estimate
`);

/** Noun/verb forms that attribute only when "that" follows ("reports that", "estimates that"). */
export const ATTRIBUTION_IF_THAT = list(`claims reports estimates shows show notes states report found finds`);

/** "added" attributes only as a reporting verb ("he added", "…, adding that"), not in "employers added 275,000 jobs". */
export const ATTRIBUTION_LOOSE = list(`added adds`);

/** Participles that take the subject of the main clause (", saying …", ", adding …"). */
export const PARTICIPLES = list(`saying adding noting claiming warning arguing insisting stating telling`);

/** Adverbs and auxiliaries that may stand between a subject and its verb ("Russia has also said"). */
export const SUBJECT_VERB_FILLERS = list(`
  also earlier later previously has have had separately again repeatedly recently publicly
  reportedly further then once officially initially first last would will could may might did does
  do had has is was were are privately already since subsequently now only still quickly
`);

export const STOP_WORDS = new Set([
  ...DETERMINERS, ...PREPOSITIONS, ...CONJUNCTIONS, ...PRONOUNS, ...AUXILIARIES, ...NON_NOUNS,
]);

/** Words after which four digits read as a year ("since 2019", "in 1850", "the 2024 election"), not as a count or a name. */
export const YEAR_PREPOSITIONS = list(`
  in since by until till from of before after during through circa early late mid pre post between
  and to or around about year years the fiscal ending starting beginning spring summer autumn fall winter
`);
