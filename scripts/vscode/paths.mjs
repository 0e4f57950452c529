// Where the in-VS-Code test tooling lives; shared by setup.mjs, server.mjs and the runners.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3, the last line on Node 20
export const CODE_SERVER_DIR = path.join(CACHE_DIR, 'code-server');
export const RUNS_DIR = path.join(CACHE_DIR, 'runs');
export const CHROMIUM_PATH = process.env.CORROBORATE_CHROMIUM || '/usr/bin/chromium';

export function codeServerPackageDir() {
  return path.join(CODE_SERVER_DIR, 'node_modules', 'code-server');
}

export function codeServerEntry() {
  return path.join(codeServerPackageDir(), 'out', 'node', 'entry.js');
}
