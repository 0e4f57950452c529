/**
 * Closed word classes the name extractor leans on. None of these is a gazetteer of names:
 * they are titles, cue nouns, particles and function words — classes that stay small and
 * stable, so that the extractor works on names it has never seen.
 */

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/** Titles and roles that can stand right before a name (lower case, dots removed). */
export const TITLE_HEADS = set(`
  mr mrs ms miss mx dr prof professor sir dame lord lady
  president vice-president premier chancellor minister secretary secretary-general undersecretary
  ambassador envoy representative delegate diplomat consul attache
  spokesman spokeswoman spokesperson spokesmen
  senator sen rep congressman congresswoman congressmember governor gov mayor councillor councilor
  king queen prince princess emperor empress sheikh sheikha emir sultan crown-prince
  general gen colonel col lieutenant lt major maj captain capt admiral adm commander cmdr sergeant sgt marshal
  judge justice chief-justice prosecutor attorney lawyer
  pope cardinal bishop archbishop rabbi imam ayatollah father reverend rev pastor
  leader chairman chairwoman chairperson chair ceo director head boss founder
  counterpart deputy aide adviser advisor official officer
  speaker commissioner inspector superintendent supt chief
`);

/** Words that qualify a following title ("Foreign Minister", "Deputy Ambassador"). */
export const TITLE_MODIFIERS = set(`
  foreign defence defense interior finance justice health trade economy education energy
  prime vice deputy acting interim former first senior chief supreme crown state home
  permanent special assistant executive general managing associate principal press affairs majority minority
`);

/** Nouns that make a name an organisation ("Security Council", "Foreign Ministry"). */
export const ORG_CUES = set(`
  ministry department council nations union agency committee commission parliament congress senate
  party court tribunal bank fund organization organisation institute institution association corporation
  company group inc ltd llc corp co plc army navy forces force police office service services bureau
  government administration cabinet assembly academy college school university hospital church
  foundation society federation league alliance authority board coalition front movement brigade
  command guard media network press news times post herald journal telegraph tribune gazette agency
  house pentagon kremlin secretariat mission delegation embassy consulate club team
  images pictures photos studios airlines airways motors systems technologies labs partners holdings
  industries enterprises solutions center centre international staff
`);

/** Single words that name a body by its seat; kept even when they open a sentence. */
export const METONYMS = set(`kremlin pentagon vatican elysee whitehall`);

/** Lower-case nouns right before a name that make it an organisation ("news agency Xinhua"). */
export const ORG_NOUNS = set(`
  company firm group agency newspaper broadcaster network outlet militia party bank carrier airline
  startup giant maker manufacturer insurer lender retailer brand organisation organization charity
  movement faction union broadcaster publisher website channel
`);

/** Nouns that make a name a place ("Korean Peninsula", "Gaza Strip", "United States"). */
export const PLACE_CUES = set(`
  peninsula sea ocean river mountains mountain mount island islands isles gulf bay strait straits
  valley desert lake province region oblast county city district street square avenue road
  states state kingdom republic emirates coast strip highlands plateau basin canal sound airport
  st mt ft saint fort port
`);

/** Compass words that open a place name ("North Korea", "South Africa", "West Bank"). */
export const COMPASS = set(`north south east west northern southern eastern western central`);

/** Lower-case particles inside personal names ("de Gaulle", "bin Salman", "von der Leyen"). */
export const PARTICLES = set(`de del della der den di da das dos du van von ter ten zu bin ibn bint al el la le y`);

/** Prefixes glued by a hyphen to a capitalised name ("al-Assad", "el-Sisi"). */
export const HYPHEN_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|abu|abd|bin|ibn)-(?=\p{Lu})/u;

/** Connectors allowed inside organisation and place names after a cue word ("Ministry of …"). */
export const OF_CONNECTORS = set(`of for`);

/** Nationality adjectives that are not entities in this engine (see names.ts). */
export const DEMONYMS = set(`
  american british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss
  austrian polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian belarusian
  georgian armenian azerbaijani kazakh uzbek chinese japanese korean taiwanese vietnamese thai filipino
  indonesian malaysian indian pakistani afghan iranian iraqi syrian lebanese israeli palestinian jordanian
  saudi yemeni emirati qatari egyptian libyan tunisian algerian moroccan sudanese ethiopian somali kenyan
  nigerian ghanaian african european asian arab arabic canadian mexican brazilian
  argentine argentinian chilean colombian venezuelan cuban peruvian australian zealander nordic swedish
  norwegian danish finnish estonian latvian lithuanian serbian croatian bosnian albanian moldovan
  soviet kurdish baltic balkan latin sunni shiite shia christian muslim jewish catholic orthodox
`);

/** Months and weekdays: capitalised, but never entities here. */
export const CALENDAR = set(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
`);

/** Acronyms that are common nouns, not named bodies. */
export const COMMON_ACRONYMS = set(`
  wmd wmds cctv gdp ceo cfo cto tv ai dna hiv aids covid pdf gps usb pr vip id ok icbm icbms rpg atm
  sms url faq diy lgbt lgbtq bc ad am pm gmt utc est edt pst bst cet mp mps
`);

/** Acronyms of countries: places, like their spelled-out names. */
export const COUNTRY_ACRONYMS = set(`us usa uk dprk rok prc uae drc`);

/** Verbs of saying: "X said", "said X", "X told". */
export const SPEECH_VERBS = set(`
  said says say told tells added adds asked asks warned warns stated states claimed claims noted notes
  wrote writes argued argues insisted insists replied replies explained explains declared declares
  announced announces called calls urged urges
`);

/** Lower-case words after which a sentence-initial capitalised word is a subject ("Washington published"). */
export const FINITE_AFTER_SUBJECT = set(`
  is was are were has had have will would could can may might must should did does also
  says said told tells uses used wants wanted
`);

/** Roles after a possessive that mark a country or city ("Russia's envoy", "Britain's Ambassador"). */
export const STATE_ROLES = set(`
  ambassador envoy foreign defence defense government ministry military army navy president prime
  parliament capital border borders territory economy embassy mission delegation representative
  people citizens population troops forces invasion veto leader leadership regime allies ally
  war nuclear missile weapons
`);

/** Prepositions that put a place after them ("in Moscow", "near Pyongyang"). */
export const LOCATIVES = set(`in into near across inside throughout outside within`);

/** Prepositions that often, not always, put a place after them ("from Qatar", but "from Joe Biden"). */
export const WEAK_LOCATIVES = set(`from to toward towards around`);

/** Role nouns in an appositive after a name (", the Kremlin spokesman"). */
export const APPOSITIVE_ROLES = set(`
  spokesman spokeswoman spokesperson ambassador envoy minister representative president leader
  secretary chairman chairwoman director chief official diplomat adviser advisor senator governor
  mayor general commander judge prosecutor lawyer founder head ceo analyst professor researcher
  counterpart deputy aide economist correspondent reporter editor
`);

/**
 * Common words that open sentences. A capitalised word there is a name only when the
 * document shows it capitalised elsewhere, or other cues hold (see nameRuns.ts).
 */
export const COMMON_OPENERS = set(`
  the a an this that these those it he she they we i you his her their its our my your
  in on at for from with without by as after before during since until while when where why how
  what who whom which whose if though although but and or nor so yet also however meanwhile moreover
  still even only just then now today yesterday tomorrow tonight last next earlier later recently recent
  several some many most much more few all both each every any no none other another such
  one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
  hundreds thousands millions billions dozens first second third final new old additional
  international national local foreign global official officials according despite amid among against
  under over above below between into through across around about within beyond including following
  asked speaking instead here there thank thanks please read watch listen sign subscribe click enter
  skip become gift goal consider help image photo picture video audio related advertisement editor
  editors reporting analysis opinion update updated breaking live news top more latest
  successfully successfuly indicates share follow like save print email comment comments contact
  sanctions military western government officials authorities analysts experts critics witnesses
  yes not never always often sometimes once again together perhaps maybe indeed rather
  let lets do does did is are was were be been has have had can could will would should may might must
  shall get got make made take took give gave see saw say said tell told go went come came
  president minister ambassador leader spokesman spokeswoman police troops forces
  mr mrs ms dr prof sir
  monday tuesday wednesday thursday friday saturday sunday
  whatever whoever whichever everyone everything someone something nobody nothing anyone anything
  unlike like besides beside toward towards upon via per amongst throughout
`);

/** Lower-case compound tails that make "X-made" an adjective, not a name part. */
export const COMPOUND_TAILS = set(`
  made based backed led run style born era linked imposed related controlled occupied allied friendly
  speaking owned funded sponsored aligned leaning american european bound wide level free
  supported affiliated dominated centric inspired focused held annexed brokered
`);

/** Small words that title-case headlines leave lower case. */
export const HEADLINE_SMALL = set(`a an the and or but nor for of to in on at by with from as is vs via`);
