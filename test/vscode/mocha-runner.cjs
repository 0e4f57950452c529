// Runs mocha inside the VS Code extension host and writes the outcome as JSON to the file named
// by CORROBORATE_TEST_RESULT (set by scripts/vscode/run-extension-tests.mjs). The harness trusts
// only that file: the extension host exits with code 0 even when run() rejects.
// Use from a suite's index.js:  exports.run = () => runMochaSuite({ files: [...] });
const fs = require('fs');
const path = require('path');

function loadMocha() {
  // The suite may be compiled outside the project; fall back to the project's mocha, whose
  // folder the harness passes in CORROBORATE_MOCHA_PATH.
  const candidates = [() => require.resolve('mocha', { paths: [__dirname, process.cwd()] })];
  if (process.env.CORROBORATE_MOCHA_PATH) candidates.unshift(() => require.resolve(process.env.CORROBORATE_MOCHA_PATH));
  for (const resolve of candidates) {
    try {
      return require(resolve());
    } catch {
      /* try the next */
    }
  }
  throw new Error('mocha not found: run `npm ci` in the project, or set CORROBORATE_MOCHA_PATH');
}

function errorInfo(err) {
  if (!err) return { message: 'unknown error' };
  return {
    message: String(err.message ?? err),
    stack: err.stack ? String(err.stack) : undefined,
    actual: err.actual !== undefined ? safeString(err.actual) : undefined,
    expected: err.expected !== undefined ? safeString(err.expected) : undefined,
  };
}

function safeString(v) {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function testInfo(test) {
  return { title: test.title, fullTitle: test.fullTitle(), file: test.file, duration: test.duration };
}

function writeResult(result) {
  const file = process.env.CORROBORATE_TEST_RESULT;
  if (!file) {
    console.warn('[mocha-runner] CORROBORATE_TEST_RESULT not set; result not written');
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(result, null, 2));
  fs.renameSync(tmp, file); // atomic: the harness never reads half a file
}

/**
 * @param {{ files: string[], mochaOptions?: object, grep?: string }} opts
 * @returns {Promise<void>} rejects when a test fails (the @vscode/test-electron contract)
 */
function runMochaSuite({ files, mochaOptions = {}, grep } = {}) {
  const started = new Date();
  const result = { version: 1, startedAt: started.toISOString(), stats: null, passes: [], failures: [], pending: [] };
  return new Promise((resolve, reject) => {
    let runner;
    try {
      const Mocha = loadMocha();
      const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec', ...mochaOptions });
      const g = grep ?? process.env.CORROBORATE_TEST_GREP;
      if (g) mocha.grep(g);
      for (const f of files) mocha.addFile(f);
      runner = mocha.run((failures) => {
        result.stats = { ...runner.stats };
        result.finishedAt = new Date().toISOString();
        writeResult(result);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // Loading a test file threw (syntax error, missing module, …): report it, not zero tests.
      result.error = errorInfo(err);
      result.finishedAt = new Date().toISOString();
      writeResult(result);
      reject(err);
      return;
    }
    runner.on('pass', (test) => result.passes.push(testInfo(test)));
    runner.on('fail', (test, err) => result.failures.push({ ...testInfo(test), err: errorInfo(err) }));
    runner.on('pending', (test) => result.pending.push(testInfo(test)));
  });
}

module.exports = { runMochaSuite };
