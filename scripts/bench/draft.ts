/**
 * The editing benchmark's draft: a Markdown story of about 3,000 words written from the
 * corpus's reports the way a reporter writes from sources — paragraphs taken over (some
 * cited with a footnote, most not), some reworded, a figure changed here and there —
 * under headings, with footnote definitions at the end. Deterministic for a seed.
 */
import { rng } from './corpus';

const SWAPS: Record<string, string> = { said: 'stated', large: 'big', new: 'fresh', city: 'town', people: 'residents', officials: 'authorities' };

export function makeDraft(sources: Array<{ name: string; text: string }>, words = 3000, seed = 7): string {
  const r = rng(seed);
  const paragraphs = sources.map((s) =>
    s.text
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.split(/\s+/).length >= 12),
  );
  const out: string[] = ['# What the reports say', ''];
  const notes: string[] = [];
  let count = 0;
  let section = 1;
  for (let k = 0; count < words; k++) {
    const from = paragraphs[Math.floor(r() * paragraphs.length)];
    if (!from.length) continue;
    let p = from[Math.floor(r() * from.length)];
    const roll = r();
    if (roll < 0.3) p = p.replace(/\b[a-z]+\b/g, (w) => (SWAPS[w] && r() < 0.5 ? SWAPS[w] : w));
    else if (roll < 0.45) p = p.replace(/\b(\d{2,})\b/, (d) => String(Number(d) + 1 + Math.floor(r() * 9)));
    if (r() < 0.25) {
      const n = notes.length + 1;
      p = p.replace(/([.!?][”"]?)$/, `$1[^n${n}]`);
      notes.push(`[^n${n}]: Report ${n}, the wire.`);
    }
    out.push(p, '');
    count += p.split(/\s+/).length;
    if (k % 8 === 7) out.push(`## Part ${++section}`, '');
  }
  return [...out, ...notes].join('\n') + '\n';
}

/** A one-word edit at a random word of the prose: the word replaced by another word of the draft. */
export function editOneWord(text: string, r: () => number): string {
  const body = text.indexOf('[^n1]:') > 0 ? text.indexOf('[^n1]:') : text.length;
  const spans = [...text.slice(0, body).matchAll(/\b[a-z]{3,}\b/g)];
  const at = spans[Math.floor(r() * spans.length)];
  const other = spans[Math.floor(r() * spans.length)][0];
  const replacement = other === at[0] ? `${other}s` : other;
  return text.slice(0, at.index!) + replacement + text.slice(at.index! + at[0].length);
}
