/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID, api, snapshotSeeds, type FileState } from './helpers';

// Source files are never written (design principle 4): every test of the whole suite is
// followed by a check of the seed files' bytes and modification times (a root-level hook).
let before_: Map<string, FileState>;
before(() => {
  before_ = snapshotSeeds();
  assert.equal(before_.size, 5, 'five seed files in the workspace');
});
afterEach(function () {
  const now = snapshotSeeds();
  for (const [name, state] of before_) {
    assert.deepEqual(now.get(name), state, `${name} unchanged after “${this.currentTest?.title}”`);
  }
});

describe('activation', () => {
  it('is not active until one of its commands, views or its panel is used', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(ext.isActive, false);
    const events: string[] = ext.packageJSON.activationEvents;
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), events.join(', '));
    assert.ok(events.includes('onWebviewPanel:corroborate.compare'), 'the panel can be restored after a reload');
    assert.ok(events.every((e) => /^(onCommand:corroborate\.|onView:corroborate\.|onWebviewPanel:corroborate\.)/.test(e)), events.join(', '));
  });

  it('registers every contributed command, and every title comes from package.nls.json', async () => {
    const a = await api();
    assert.ok(a.store);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // VS Code hands out packageJSON with the %keys% already replaced: read the file itself.
    const raw = JSON.parse(readFileSync(join(ext.extensionPath, 'package.json'), 'utf8'));
    const contributed: Array<{ command: string; title: string; category: string }> = raw.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    const nls = JSON.parse(readFileSync(join(ext.extensionPath, 'package.nls.json'), 'utf8'));
    for (const c of contributed) {
      assert.ok(registered.has(c.command), `${c.command} is registered`);
      assert.equal(c.category, 'Corroborate');
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && typeof nls[key] === 'string', `${c.command}: title ${c.title} is localised`);
    }
    assert.ok(contributed.length >= 10);
    assert.equal(ext.packageJSON.contributes.commands[0].title, nls[/^%(.+)%$/.exec(contributed[0].title)![1]], 'and VS Code uses them');
  });
});
