// `npm start`: opens VS Code with the extension under development and seeds/ loaded.
// With a desktop `code` command on PATH it starts that; otherwise it starts the web VS Code
// (code-server, installed into .vscode-test by scripts/vscode/setup.mjs) on 127.0.0.1 and
// prints the address to open in a browser. Ctrl+C stops it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seeds = path.join(root, 'seeds');
const forceWeb = process.argv.includes('--web') || !!process.env.CORROBORATE_WEB;

function hasDesktopCode() {
  if (forceWeb || !process.env.DISPLAY && process.platform === 'linux') return false;
  const r = spawnSync('code', ['--version'], { stdio: 'ignore' });
  return r.status === 0;
}

if (hasDesktopCode()) {
  console.log('Opening VS Code with Corroborate on seeds/ …');
  spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, seeds], { stdio: 'inherit', detached: true }).unref();
} else {
  const setup = spawnSync(process.execPath, [path.join(root, 'scripts/vscode/setup.mjs')], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
  const { startCodeServer } = await import('./vscode/server.mjs');
  const server = await startCodeServer({ workspace: seeds, extensionDevelopmentPath: root });
  const url = server.buildUrl();
  console.log('\nCorroborate is running in VS Code for the web (code-server).');
  console.log(`Open this address in a browser:\n\n  ${url}\n`);
  console.log('Then run "Corroborate: Compare Sources" from the command palette (F1). Ctrl+C stops the server.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}
