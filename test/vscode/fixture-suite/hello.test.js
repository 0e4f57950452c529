const assert = require('assert');
const vscode = require('vscode');

describe('fixture extension', () => {
  it('answers corroborateFixture.hello with its greeting', async () => {
    const result = await vscode.commands.executeCommand('corroborateFixture.hello');
    assert.strictEqual(result, 'Hello from the Corroborate fixture');
  });

  it('is loaded from extensionDevelopmentPath and active after the command', () => {
    const ext = vscode.extensions.getExtension('corroborate-test.corroborate-fixture');
    assert.ok(ext, 'extension not found');
    assert.strictEqual(ext.isActive, true);
  });

  it('sees the environment given to code-server', () => {
    assert.ok(process.env.CORROBORATE_TEST_RESULT, 'CORROBORATE_TEST_RESULT not set in the extension host');
  });

  // Harness self-test: CORROBORATE_FIXTURE_FAIL=1 adds a test that must be reported as failed.
  if (process.env.CORROBORATE_FIXTURE_FAIL) {
    it('fails on purpose (CORROBORATE_FIXTURE_FAIL)', () => {
      assert.strictEqual(1 + 1, 3, 'deliberate failure');
    });
  }
});
