/// <reference types="mocha" />
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSeeds, seed, seedId, workspaceDir } from './helpers';

describe('Export Report', () => {
  let out = '';
  before(() => {
    out = join(workspaceDir(), 'reports');
    mkdirSync(out, { recursive: true });
  });

  it('writes the JSON contract', async () => {
    await compareSeeds();
    const uri = vscode.Uri.file(join(out, 'report.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('corroborate.exportReport', { format: 'json', uri });
    assert.equal(written?.fsPath, uri.fsPath);
    const result = JSON.parse(readFileSync(uri.fsPath, 'utf8'));
    assert.equal(result.version, 1);
    assert.equal(result.sources.length, 5);
    assert.deepEqual(result.duplicates.map((d: { source: string; of: string }) => [d.source, d.of]), [[seedId('002'), seedId('000')]]);
    assert.ok(result.passages.length > 0 && result.findings.length > 0);
    for (const f of result.findings) {
      for (const m of f.mentions) {
        const text = readFileSync(result.sources.find((s: { id: string }) => s.id === m.source).path, 'utf8');
        assert.equal(text.slice(m.start, m.end), m.text);
      }
    }
  });

  it('writes the Markdown report', async () => {
    await compareSeeds();
    const uri = vscode.Uri.file(join(out, 'report.md'));
    await vscode.commands.executeCommand('corroborate.exportReport', { format: 'markdown', uri });
    const md = readFileSync(uri.fsPath, 'utf8');
    assert.match(md, /^# Corroborate report\n/);
    assert.match(md, /5 sources, 4 independent/);
    assert.match(md, /## Differences/);
  });

  it('writes the HTML report, which has no scripts', async () => {
    await compareSeeds();
    const uri = vscode.Uri.file(join(out, 'report.html'));
    await vscode.commands.executeCommand('corroborate.exportReport', { format: 'html', uri });
    const html = readFileSync(uri.fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /Content-Security-Policy/);
    assert.doesNotMatch(html, /<script/i);
  });

  it('applies the details set with Edit Source Details', async () => {
    await compareSeeds();
    await vscode.commands.executeCommand('corroborate.editSourceDetails', { uri: seed('003'), details: { outlet: 'CNN (edited)' } });
    const uri = vscode.Uri.file(join(out, 'edited.json'));
    await vscode.commands.executeCommand('corroborate.exportReport', { format: 'json', uri });
    const result = JSON.parse(readFileSync(uri.fsPath, 'utf8'));
    assert.equal(result.sources.find((s: { id: string }) => s.id === seedId('003')).outlet, 'CNN (edited)');
    await vscode.commands.executeCommand('corroborate.editSourceDetails', { uri: seed('003'), details: { outlet: '' } });
  });

  it('refuses to write over a source file', async () => {
    const a = await compareSeeds();
    const written = await vscode.commands.executeCommand('corroborate.exportReport', { format: 'json', uri: seed('001') });
    assert.equal(written, undefined);
    assert.match(a.notifications.at(-1)!.message, /source files are never overwritten/);
    assert.ok(existsSync(seed('001').fsPath));
  });
});
