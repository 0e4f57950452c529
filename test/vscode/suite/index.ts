import * as path from 'node:path';

/**
 * The suite's entry: VS Code's extension host require()s this file (extensionTestsPath) and
 * awaits run(). Files run in this order and share one window, one extension instance.
 */
const FILES = [
  'activation.test.js',
  'compare.test.js',
  'panel.test.js',
  'editor.test.js',
  'views.test.js',
  'sources.test.js',
  'addFromUrl.test.js',
  'export.test.js',
  'runner.test.js',
  'drafts.test.js',
  'citations.test.js',
  'draftSafety.test.js',
  'badFiles.test.js',
  'neverWritten.test.js',
  'cache.test.js',
  // Last: it adds a folder of hostile sources to the workspace and removes it again.
  'hostile.test.js',
];

export function run(): Promise<void> {
  // The runner lives in the project (test/vscode/), two folders up from dist-test/suite/.
  const runnerPath = path.join(__dirname, '..', '..', 'test', 'vscode', 'mocha-runner.cjs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runMochaSuite } = require(runnerPath) as { runMochaSuite: (o: { files: string[]; mochaOptions?: object }) => Promise<void> };
  return runMochaSuite({ files: FILES.map((f) => path.join(__dirname, f)), mochaOptions: { timeout: 30_000 } });
}
