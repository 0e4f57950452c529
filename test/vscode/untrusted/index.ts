import * as path from 'node:path';

/**
 * The Restricted Mode suite's entry (`npm run test:vscode:untrusted`): VS Code runs it with
 * workspace trust on and the folder (a copy of seeds/) not trusted. One file, run in order:
 * its last test has the folder trusted.
 */
const FILES = ['restricted.test.js'];

export function run(): Promise<void> {
  const runnerPath = path.join(__dirname, '..', '..', 'test', 'vscode', 'mocha-runner.cjs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runMochaSuite } = require(runnerPath) as { runMochaSuite: (o: { files: string[]; mochaOptions?: object }) => Promise<void> };
  return runMochaSuite({ files: FILES.map((f) => path.join(__dirname, f)), mochaOptions: { timeout: 30_000 } });
}
