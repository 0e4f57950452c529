import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `text` to `<folder>/<base>.md`, or `<base>-2.md`, `<base>-3.md`… — never over an
 * existing file: the exclusive-create flag makes the check and the write one step, so a file
 * that appears in between is not overwritten either.
 */
export async function writeNewFile(folder: string, base: string, ext: string, text: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const path = join(folder, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    let handle;
    try {
      handle = await open(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return path;
  }
  throw new Error(`too many files named ${base}${ext} in ${folder}`);
}
