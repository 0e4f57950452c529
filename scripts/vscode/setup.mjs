#!/usr/bin/env node
// Installs what the in-VS-Code tests need, idempotently, into .vscode-test/ (gitignored):
//   - Debian packages: libkrb5-dev (a native module of VS Code needs gssapi headers),
//     ripgrep, chromium, and the native build tools (python3, make, g++).
//   - the ripgrep archive that @vscode/ripgrep's post-install would otherwise fetch from GitHub.
//   - code-server (VS Code's server + web workbench, from npm) into .vscode-test/code-server.
// See docs in /work/shared/docs/real-vscode-here.md for why each piece is needed.
// Usage: node scripts/vscode/setup.mjs [--force]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, chmodSync, lstatSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE_DIR, CODE_SERVER_DIR, CODE_SERVER_VERSION, CHROMIUM_PATH, codeServerPackageDir } from './paths.mjs';

const force = process.argv.includes('--force');
const log = (msg) => console.log(`[vscode-setup] ${msg}`);
const started = Date.now();

// Packages, and the command whose presence proves each is installed (used off Debian too).
const DEBIAN_PACKAGES = [
  { pkg: 'libkrb5-dev', probe: () => existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/gssapi.h') },
  { pkg: 'ripgrep', probe: () => existsSync('/usr/bin/rg') },
  { pkg: 'chromium', probe: () => existsSync(CHROMIUM_PATH) },
  { pkg: 'python3', probe: () => hasCommand('python3') },
  { pkg: 'make', probe: () => hasCommand('make') },
  { pkg: 'g++', probe: () => hasCommand('g++') },
];

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

function dpkgInstalled(pkg) {
  const res = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return res.status === 0 && res.stdout.includes('install ok installed');
}

function ensureDebianPackages() {
  const haveDpkg = hasCommand('dpkg-query');
  const missing = DEBIAN_PACKAGES.filter(({ pkg, probe }) => !(haveDpkg ? dpkgInstalled(pkg) : probe())).map((p) => p.pkg);
  if (missing.length === 0) {
    log('Debian packages present.');
    return;
  }
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && hasCommand('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!haveDpkg || !hasCommand('apt-get') || (!isRoot && !sudo)) {
    console.error(
      `[vscode-setup] Missing system packages: ${missing.join(' ')}\n` +
        `[vscode-setup] Install them as root, then run this again:\n` +
        `    apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}\n` +
        `[vscode-setup] (Chromium is expected at ${CHROMIUM_PATH}; set CORROBORATE_CHROMIUM to use another path.)`,
    );
    process.exit(1);
  }
  const prefix = sudo ? ['sudo', '-n', 'env'] : ['env'];
  const apt = (...args) =>
    run(prefix[0], [...prefix.slice(1), 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]);
  const install = () => apt('install', '-y', '--no-install-recommends', ...missing);
  log(`Installing Debian packages: ${missing.join(' ')}`);
  // Fresh images often have no package lists; update only when needed.
  const listsEmpty = !hasPackageLists();
  if (listsEmpty || install() !== 0) {
    log('Running apt-get update');
    if (apt('update') !== 0 || install() !== 0) {
      console.error(`[vscode-setup] apt-get install failed for: ${missing.join(' ')}`);
      process.exit(1);
    }
  }
}

function hasPackageLists() {
  try {
    return spawnSync('sh', ['-c', 'ls /var/lib/apt/lists/ | grep -q _Packages'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}

// @vscode/ripgrep (inside code-server) downloads rg from GitHub in its post-install unless it
// finds this archive in its cache first. We make the archive from Debian's rg. The version
// numbers are those of the @vscode/ripgrep that code-server 4.100.3 ships; if you change
// CODE_SERVER_VERSION, check lib/vscode/node_modules/@vscode/ripgrep/{package.json,lib/postinstall.js}.
function ensureRipgrepCache() {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  if (process.platform !== 'linux' || !target) {
    log(`No ripgrep cache prepared for ${process.platform}/${process.arch}; @vscode/ripgrep will try to download.`);
    return;
  }
  const dir = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(dir, `ripgrep-v13.0.0-10-${target}.tar.gz`);
  if (existsSync(archive) && !force) {
    log(`ripgrep cache present: ${archive}`);
    return;
  }
  if (!existsSync('/usr/bin/rg')) throw new Error('/usr/bin/rg missing (Debian package ripgrep)');
  mkdirSync(dir, { recursive: true });
  const stage = mkdtempSync(path.join(os.tmpdir(), 'rg-stage-'));
  copyFileSync('/usr/bin/rg', path.join(stage, 'rg'));
  chmodSync(path.join(stage, 'rg'), 0o755);
  // Write to a temporary name first so a half-written archive is never taken for a cache hit.
  const partial = `${archive}.partial-${process.pid}`;
  if (run('tar', ['-czf', partial, '-C', stage, 'rg']) !== 0) throw new Error('tar failed');
  run('mv', ['-f', partial, archive]);
  rmSync(stage, { recursive: true, force: true });
  log(`ripgrep cache written: ${archive}`);
}

// Files that exist only if code-server's post-install (and the nested `npm install` of VS Code's
// own dependencies it runs) really ran and built the native modules.
function missingInstallArtifacts() {
  const pkg = codeServerPackageDir();
  const vs = path.join(pkg, 'lib/vscode');
  const expected = [
    'lib/vscode/node_modules/node-pty/build/Release/pty.node',
    'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
    'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
    'lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node',
    'lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
    'lib/vscode/extensions/node_modules',
  ].filter((rel) => !existsSync(path.join(pkg, rel)));
  try {
    if (!lstatSync(path.join(vs, 'node_modules.asar')).isSymbolicLink()) expected.push('lib/vscode/node_modules.asar (symlink)');
  } catch {
    expected.push('lib/vscode/node_modules.asar (symlink)');
  }
  return expected;
}

const MARKER = path.join(CODE_SERVER_DIR, '.corroborate-installed.json');
const wantedMarker = { codeServer: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, arch: process.arch };

function codeServerReady() {
  try {
    const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
    const installed = JSON.parse(readFileSync(path.join(codeServerPackageDir(), 'package.json'), 'utf8')).version;
    return (
      installed === CODE_SERVER_VERSION &&
      marker.codeServer === wantedMarker.codeServer &&
      marker.nodeAbi === wantedMarker.nodeAbi &&
      marker.arch === wantedMarker.arch &&
      missingInstallArtifacts().length === 0
    );
  } catch {
    return false;
  }
}

function ensureCodeServer() {
  if (!force && codeServerReady()) {
    log(`code-server ${CODE_SERVER_VERSION} present in ${path.relative(process.cwd(), CODE_SERVER_DIR) || CODE_SERVER_DIR}.`);
    return;
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    console.error(`[vscode-setup] code-server ${CODE_SERVER_VERSION} needs Node 20 (its post-install refuses others); this is Node ${process.versions.node}.`);
    process.exit(1);
  }
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // A package.json of its own keeps npm from walking up into the project, and records the
  // approval of the two install scripts at the top level (npm >= 11's allowScripts policy).
  writeFileSync(
    path.join(CODE_SERVER_DIR, 'package.json'),
    JSON.stringify(
      {
        name: 'corroborate-vscode-test-cache',
        private: true,
        description: 'Test tool cache written by scripts/vscode/setup.mjs; safe to delete.',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, 'argon2@0.31.2': true },
      },
      null,
      2,
    ) + '\n',
  );
  const env = {
    ...process.env,
    // node-pty's post-install calls `npx node-gyp`, which would wait for a "yes".
    npm_config_yes: 'true',
    // code-server's postinstall.sh refuses to run as root unless this is set.
    npm_config_unsafe_perm: 'true',
    // code-server's postinstall runs a nested `npm install` in lib/vscode (VS Code's own,
    // shrinkwrapped native modules: node-pty, spdlog, kerberos, ripgrep, …). That package.json
    // only appears during the install, so it cannot carry an allowScripts approval. npm 11.19
    // still runs unapproved scripts with a warning, but its docs say they will be blocked by
    // default; this setting keeps the (pinned, test-only) install working either way.
    // The artifact check below fails loudly if any script did not run.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp would download Node's headers from nodejs.org (unreachable here); point it at the
  // headers installed next to this node binary when nobody configured a nodedir.
  if (!env.npm_config_nodedir) {
    const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
    if (existsSync(path.join(nodePrefix, 'include/node/node.h'))) env.npm_config_nodedir = nodePrefix;
  }
  const logFile = path.join(CACHE_DIR, 'code-server-install.log');
  log(`Installing code-server@${CODE_SERVER_VERSION} (about a minute; output in ${logFile}) …`);
  const t0 = Date.now();
  const res = spawnSync(
    'npm',
    ['install', '--unsafe-perm', '--foreground-scripts', '--no-save', '--prefix', CODE_SERVER_DIR, `code-server@${CODE_SERVER_VERSION}`],
    { cwd: CODE_SERVER_DIR, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  writeFileSync(logFile, `${res.stdout ?? ''}\n--- stderr ---\n${res.stderr ?? ''}`);
  if (res.status !== 0) {
    console.error(tail(`${res.stdout}\n${res.stderr}`, 60));
    console.error(`[vscode-setup] npm install code-server failed (exit ${res.status}); full log: ${logFile}`);
    process.exit(1);
  }
  const skipped = /install-scripts[^\n]*not yet covered/.test(res.stderr ?? '');
  const missing = missingInstallArtifacts();
  if (missing.length > 0) {
    console.error(tail(`${res.stdout}\n${res.stderr}`, 60));
    console.error(
      `[vscode-setup] code-server's post-install did not finish; missing:\n  ${missing.join('\n  ')}\n` +
        (skipped ? '[vscode-setup] npm reported install scripts not covered by allowScripts.\n' : '') +
        `[vscode-setup] full log: ${logFile}`,
    );
    process.exit(1);
  }
  writeFileSync(MARKER, JSON.stringify({ ...wantedMarker, installedAt: new Date().toISOString() }, null, 2) + '\n');
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(1)} s; native modules built.`);
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}

// One setup at a time (two test scripts started together would otherwise both install).
function withLock(fn) {
  const lock = path.join(CACHE_DIR, 'setup.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (let waited = false; ; ) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 15 * 60_000 || Date.now() > deadline) {
        rmSync(lock, { recursive: true, force: true }); // left behind by a killed setup
        continue;
      }
      if (!waited) log('Another setup is running; waiting for it …');
      waited = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  const release = () => rmSync(lock, { recursive: true, force: true });
  process.on('exit', release);
  try {
    fn();
  } finally {
    release();
  }
}

mkdirSync(CACHE_DIR, { recursive: true });
withLock(() => {
  ensureDebianPackages();
  ensureRipgrepCache();
  ensureCodeServer();
});
log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
