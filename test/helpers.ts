import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDoc } from '../src/core/sources/prepare';
import { readPlainText } from '../src/core/sources/plainText';
import type { Doc } from '../src/core/types';

export const SEEDS_DIR = join(__dirname, '..', 'seeds');

/** A Doc made from plain text, for tests. */
export function docFromText(text: string, id = 'test.txt'): Doc {
  return prepareDoc(id, id, readPlainText(text));
}

/** A seed article as a Doc, read as plain text. */
export function seedDoc(prefix: string): Doc {
  const names = ['000_402ccf39631b1114.txt', '001_07eff16078fe5880.txt', '002_a66a6fb621149ecc.txt',
    '003_8abdaca7980a2ebd.txt', '004_18edae034f2c42c0.txt'];
  const name = names.find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return prepareDoc(name, join(SEEDS_DIR, name), readPlainText(readFileSync(join(SEEDS_DIR, name), 'utf8')));
}
