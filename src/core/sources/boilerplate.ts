import type { Doc, Range } from '../types';

/**
 * Boilerplate detection: the site furniture that web scrapes carry along with an article
 * (membership and donation appeals, newsletter forms, menus, share buttons, photo credits,
 * audio-player notes). It is kept in the text and shown dimmed, but never compared.
 *
 * Work is per block (paragraph): a block is furniture when it speaks in the site's own
 * voice to the reader ("help us", "our journalism", "subscribe"), is a form or menu label,
 * or is a credit line. Short blocks wedged between furniture blocks are furniture too, since
 * appeals come in runs ("Three years. Millions of readers. All thanks to …").
 * Photo captions are recognised separately (see `markCaptions`).
 */

const CALL_TO_ACTION = new RegExp(
  [
    '\\bsubscri(be|bed|ption|bing)\\b', '\\bnewsletters?\\b', '\\bsign(ing)? up\\b', '\\blog ?in\\b', '\\bsign in\\b',
    '\\bdonat(e|ion|ing)\\b', '\\bbecome a (member|subscriber|supporter|patron)\\b', '\\bmembers?hips?\\b',
    '\\bsupport (us|our)\\b', '\\bhelp us\\b', '\\bfund our\\b', '\\bfunded by (our )?readers\\b',
    '\\bour (readers|journalism|reporting|mission|community|newsroom|supporters|members|newsletters?)\\b',
    '\\breaders like you\\b', '\\be-?mail address\\b', '\\benter your e-?mail\\b', '\\bindicates required\\b',
    '\\bskip to (main )?content\\b', '\\bcookies?\\b', '\\badvertisement\\b', '\\ball rights reserved\\b',
    '\\bshare (this|on|via)\\b', '\\bfollow us\\b', '\\bread more\\b', '\\bmore news\\b', '\\brelated (stories|articles|coverage|content)\\b',
    "\\beditors?['’]? picks\\b", '\\bnews feed\\b', '\\bimage (description|caption)\\b', '\\bthis audio is\\b',
    '\\blisten to (this|the) (article|story)\\b', '\\bclick here\\b', '\\bdownload (our|the) app\\b',
    '\\bsuccessful+y subscribed\\b', '\\bthank you for (signing up|subscribing|reading)\\b', '\\bgift (a )?(membership|subscription)\\b',
    '\\bterms of (use|service)\\b', '\\bprivacy policy\\b', '\\bsponsored\\b', '\\bmost (read|popular)\\b',
    '\\btrending\\b', '\\bcontributions?\\b.*\\b(readers?|you)\\b', '\\b(visa|mastercard|paypal)\\b',
  ].join('|'),
  'i',
);

/** Photo and video credits: "(Contributor/Getty Images)", "- John Smith/AP", "Photo: Reuters". */
const CREDIT = /(\((?:[^()]*\/)?[^()]*(getty|reuters|ap|afp|epa|shutterstock|images|photo|pool|handout)[^()]*\)\s*$)|(\s[-–—]\s*[\p{Lu}][\p{L}.' ]*(\/[\p{Lu}][\p{L}. ]*)\s*$)|(^\s*(photo|photograph|image|picture|video|credit)s?\s*(:|by\b))/iu;

/** An agency-only credit at the end of a caption line: "… - KCNA", "… — AFP". */
const TRAILING_AGENCY = /\s[-–—]\s*[\p{Lu}][\p{Lu}\p{N}.]{1,10}\s*$/u;

export function markBoilerplate(doc: Doc): void {
  const furniture = doc.blocks.map((b) => isFurnitureBlock(doc.norm.slice(b.start, b.end)));
  const captions = markCaptions(doc, furniture);
  // Runs: a short block between two furniture blocks (within two blocks) joins them.
  for (let i = 0; i < doc.blocks.length; i++) {
    if (furniture[i] || captions[i]) continue;
    if (!couldBeFurniture(blockText(doc, i))) continue;
    const before = furniture[i - 1] || (furniture[i - 2] && wordCount(blockText(doc, i - 1)) <= 25);
    const after = furniture[i + 1] || (furniture[i + 2] && wordCount(blockText(doc, i + 1)) <= 25);
    if (before && after) furniture[i] = true;
  }
  for (const s of doc.sentences) {
    s.boilerplate = furniture[s.block] || isFurnitureSentence(doc.norm.slice(s.start, s.end));
    s.caption = !s.boilerplate && captions[s.block];
  }
}

/**
 * A block between furniture blocks joins them when it reads like a slogan or label rather
 * than reporting: short sentences, no attribution — or the site speaking as "we".
 */
function couldBeFurniture(text: string): boolean {
  if (wordCount(text) > 25) return false;
  if (/\b(said|says|told|according to|announced|reported)\b/i.test(text)) return false;
  const longest = Math.max(...text.split(/[.!?]+\s/).map(wordCount));
  return longest <= 8 || firstPersonPlural(text);
}

function isFurnitureBlock(text: string): boolean {
  if (CALL_TO_ACTION.test(text) && (wordCount(text) <= 40 || firstPersonPlural(text))) return true;
  if (/^\s*[*•|]/.test(text) && wordCount(text) <= 6) return true; // form hints, menu bullets
  if (/^[\p{L}' ]+$/u.test(text) && wordCount(text) <= 4 && !/[.!?]$/.test(text) && isMenuLabel(text)) return true;
  return false;
}

/** Sentences inside an article paragraph that are furniture on their own ("Read more: …"). */
function isFurnitureSentence(text: string): boolean {
  return /^(read more|related|see also|watch|listen)\s*:/i.test(text) || /^\s*(advertisement|sponsored)\s*$/i.test(text);
}

function firstPersonPlural(text: string): boolean {
  return /\b(we|our|us|we['’](re|ve|ll))\b/i.test(text);
}

/** Short labels that are part of a page's chrome rather than its prose. */
function isMenuLabel(text: string): boolean {
  const words = text.trim().split(/\s+/);
  // Menus are either all capitalised words ("Become a member Gift membership" is caught by the
  // call-to-action list) or a single word like "Subscribe" / "Menu" / "Search".
  return words.length === 1 && /^(menu|search|home|share|tweet|email|print|comments?|close|next|previous|top)$/i.test(words[0]);
}

/**
 * Captions: a block that ends with a photo credit, or a block without final punctuation
 * directly followed by a credit-only block or a block ending in a credit.
 */
function markCaptions(doc: Doc, furniture: boolean[]): boolean[] {
  const captions = doc.blocks.map(() => false);
  for (let i = 0; i < doc.blocks.length; i++) {
    if (furniture[i]) continue;
    const text = blockText(doc, i);
    if (CREDIT.test(text) || (TRAILING_AGENCY.test(text) && !/[.!?”"]\s*[-–—]/.test(text))) {
      captions[i] = true;
      const prev = i - 1;
      if (prev >= 0 && !furniture[prev] && looksLikeCaptionLine(blockText(doc, prev))) captions[prev] = true;
    }
  }
  return captions;
}

function looksLikeCaptionLine(text: string): boolean {
  return wordCount(text) <= 30 && !/[.!?:”"’)]\s*$/.test(text);
}

function blockText(doc: Doc, i: number): string {
  const b: Range | undefined = doc.blocks[i];
  return b ? doc.norm.slice(b.start, b.end) : '';
}

function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}
