// The browser tests' reporting, in one place: a timestamped `say`, a `check` that counts and
// says what the UI showed when it fails, and named steps so a failure says where it happened.

/** @param {string} label the test's tag in each line, e.g. "ui:dev" */
export function uiSteps(label, { clip = Infinity } = {}) {
  const t0 = Date.now();
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  const say = (m) => console.log(`[${label}] ${secs().padStart(5)} s  ${m}`);
  const state = { passed: 0, currentStep: '' };
  /** An assertion with a message that says what was expected and what the UI showed. */
  function check(ok, message, actual) {
    if (!ok) throw new Error(actual === undefined ? message : `${message}\n      got: ${typeof actual === 'string' ? actual : JSON.stringify(actual).slice(0, clip)}`);
    state.passed++;
  }
  async function step(name, fn) {
    state.currentStep = name;
    const start = Date.now();
    await fn();
    say(`✓ ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  }
  return { say, secs, check, step, state };
}
