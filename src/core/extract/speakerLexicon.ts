/**
 * Word lists for telling people's names from other capitalised words when finding who is
 * quoted. They are deliberately small: the quote extractor only needs to find the speaker of
 * a quotation near it, and uses the names extractor's results when it is given them.
 * All entries are lower case.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Titles and roles written before a name ("Foreign Minister Dmytro Kuleba", "Mr Nebenzia"). */
export const TITLES = words(`
  mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime premier minister
  foreign defense defence interior finance trade health justice economy energy state home deputy
  ambassador envoy secretary general secretary-general senator sen rep representative congressman
  congresswoman governor gov mayor chancellor king queen prince princess pope judge chief leader
  spokesman spokeswoman spokesperson director commissioner chairman chairwoman chair speaker
  colonel col captain capt lieutenant lt sergeant sgt admiral adm commander gen major maj marshal
  officer detective inspector rev reverend father sheikh emir ayatollah coach interim acting former
  permanent special senior junior assistant undersecretary under-secretary attorney counsel
  ceo founder executive manager head
`);

/** Honorifics that make a single following word a person's name ("Mr Nebenzia"). */
export const HONORIFICS = words('mr mrs ms miss mx dr prof sir dame lord lady');

/** Adjectives of nationality or direction written before titles ("South Korean Ambassador"). */
export const DEMONYMS = words(`
  russian ukrainian korean chinese american british french german japanese iranian israeli
  palestinian syrian indian pakistani turkish polish italian spanish canadian australian european
  asian african arab saudi egyptian iraqi afghan belarusian georgian taiwanese vietnamese mexican
  brazilian swedish finnish norwegian danish dutch swiss austrian hungarian czech slovak romanian
  bulgarian serbian croatian greek irish scottish welsh english lebanese jordanian qatari emirati
  yemeni libyan sudanese nigerian kenyan ethiopian somali cuban venezuelan colombian argentine
  chilean peruvian filipino indonesian malaysian thai burmese mongolian kazakh uzbek armenian
  azerbaijani estonian latvian lithuanian moldovan soviet western eastern northern southern
  north south east west central
`);

/** Words that make a capitalised sequence an organisation, place, publication or date. */
export const NON_PERSON = words(`
  council security union nations states kingdom republic ministry department office house court
  party parliament congress senate assembly committee commission agency bank fund organization
  organisation group company corporation university institute center centre foundation association
  army navy force forces guard police service services times post journal independent guardian
  herald news press tribune telegraph images media network peninsula sea ocean river street square
  avenue road city county province region island islands united international national federal
  kremlin pentagon resolution treaty act summit war day week panel experts affairs image photo getty
  reuters associated korea russia ukraine china japan america britain france germany iran israel
  syria india pakistan turkey poland italy spain canada australia europe asia africa gaza taiwan
  moscow kyiv kiev beijing pyongyang seoul london paris berlin tokyo brussels geneva washington
  monday tuesday wednesday thursday friday saturday sunday january february march april june july
  august september october november december sept oct nov dec feb aug
  north south east west
`);

/** Capitalised function words at the start of a sentence, never part of a name. */
export const STARTERS = words(`
  the a an in on at as but and or so since after before while when if for from with without last
  this that these those it he she they we i our its his her their my your meanwhile however also
  then now today yesterday earlier later some many most all both several other another every each
  no not only even still yet although though because under over despite during amid among across
  between against toward towards according asked speaking addressing explaining recent additional
  there here what who why how where until unless once whether
`);

/** Lower-case particles inside names ("Ursula von der Leyen", "Staffan de Mistura"). */
export const PARTICLES = words('de del della der den di da dos du van von la le bin ibn al el');

/** Role nouns that stand for a person named elsewhere ("the envoy", "the US ambassador"). */
export const ROLE_NOUNS = words(`
  envoy ambassador minister spokesman spokeswoman spokesperson president secretary official
  representative diplomat chancellor premier leader chief director commissioner governor mayor
  senator general prosecutor lawyer attorney analyst expert adviser advisor
`);
