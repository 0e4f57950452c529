import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// "Nothing leaves the machine", at run time: the built CLI runs compare (every report format),
// check and cite with every way out of the process watched. Each watched call (fetch,
// sockets, name lookups, http(s), child processes) is written to a log, and then refused.
// The log must stay empty. test/unit/noNetwork.test.ts checks the same in the bundles' source.

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const QUAKE = join(ROOT, 'test/fixtures/quake/sources');

const WATCH = String.raw`
const fs = require('node:fs');
const log = process.env.CORROBORATE_NET_LOG;
const note = (what) => { fs.appendFileSync(log, what + '\n'); };
const refuse = (what) => function () { note(what); throw new Error('network use refused by the test: ' + what); };
globalThis.fetch = refuse('fetch');
for (const name of ['WebSocket', 'EventSource', 'XMLHttpRequest']) if (name in globalThis) globalThis[name] = refuse(name);
const net = require('node:net');
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
const dns = require('node:dns');
for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[f] = refuse('dns.' + f);
for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns.promises[f] = refuse('dns.promises.' + f);
for (const m of ['http', 'https', 'http2']) {
  const mod = require('node:' + m);
  for (const f of ['request', 'get', 'connect']) if (typeof mod[f] === 'function') mod[f] = refuse(m + '.' + f);
}
const cp = require('node:child_process');
for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[f] = refuse('child_process.' + f);
`;

let dir = '';
let watch = '';
let log = '';

before(() => {
  assert.ok(existsSync(CLI), 'dist/cli.js is built (npm run build)');
  dir = mkdtempSync(join(tmpdir(), 'corroborate-nonet-'));
  watch = join(dir, 'watch.cjs');
  log = join(dir, 'network.log');
  writeFileSync(watch, WATCH);
});

after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--require', watch, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CORROBORATE_NET_LOG: log },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const logged = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');

test('the watch works: a fetch, a lookup and a child process are logged', () => {
  rmSync(log, { force: true });
  const r = run(['-e', `try { void fetch('http://127.0.0.1:9/'); } catch {} try { require('node:dns').lookup('example.org', () => {}); } catch {} try { require('node:child_process').execSync('true'); } catch {}`]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(logged().trim().split('\n'), ['fetch', 'dns.lookup', 'child_process.execSync']);
});

test('compare (every report), check and cite make no network request and start no program', () => {
  rmSync(log, { force: true });
  const draft = join(dir, 'quake.md');
  writeFileSync(draft, readFileSync(join(ROOT, 'test/fixtures/drafts/quake-draft.md'), 'utf8'));
  const runs: Array<[string[], number[]]> = [
    [[CLI, 'compare', 'seeds/'], [0, 1]],
    [[CLI, 'compare', 'seeds/', '--json'], [0, 1]],
    [[CLI, 'compare', 'seeds/', '--markdown'], [0, 1]],
    [[CLI, 'compare', 'seeds/', '--html', join(dir, 'report.html')], [0, 1]],
    [[CLI, 'check', 'test/fixtures/drafts/veto-draft.md', '--sources', 'seeds/', '--fail-on', 'none'], [0]],
    [[CLI, 'cite', draft, '--sources', QUAKE, '--line', '3', '--write'], [0]],
    [[CLI, 'cite', draft, '--sources', QUAKE, '--line', '5', '--style', 'pandoc', '--bibliography', join(dir, 'refs.json'), '--write'], [0]],
  ];
  for (const [args, codes] of runs) {
    const r = run(args);
    assert.ok(codes.includes(r.code ?? -1), `${args.slice(1).join(' ')} exited ${r.code}: ${r.stderr}`);
    assert.ok(r.stdout.length > 0 || args.includes('--write') || args.includes('--html'), `${args.slice(1).join(' ')} printed its result`);
  }
  assert.ok(existsSync(join(dir, 'report.html')) && readFileSync(draft, 'utf8').includes('[@valdera-wire-service-2031]'), 'the commands did their work');
  assert.equal(logged(), '', 'no network use and no child process');
});
