// Starts a real VS Code (code-server, installed by setup.mjs) and a headless Chromium to drive it.
// See /work/shared/docs/real-vscode-here.md. Nothing here is TypeScript on purpose: it runs with
// plain `node` before anything is built.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM_PATH, RUNS_DIR, codeServerEntry } from './paths.mjs';

// Settings that keep the window quiet and the screenshots stable; callers' settings win.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.commandCenter': false,
};

// With `untrusted: true`: workspace trust on, and no prompt at start-up, so the folder opens in
// Restricted Mode. code-server 4.100 decides trust in the browser: a folder is trusted only if
// the workbench's application storage (IndexedDB of the browser profile) lists it, and a fresh
// Playwright context lists nothing.
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

const live = new Set(); // stop() functions of everything started here, for signal/exit cleanup

/** A free TCP port on 127.0.0.1 (the OS picks it; we release it just before code-server binds). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function newRunDir() {
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const dir = path.join(RUNS_DIR, id);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every descendant pid of `pid` (from /proc), deepest last. */
function descendants(pid) {
  const children = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(e));
    } catch {
      /* process went away */
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalTree(pid, pids, signal) {
  try {
    process.kill(-pid, signal); // the process group (code-server is started detached)
  } catch {
    /* already gone */
  }
  for (const p of [pid, ...pids]) {
    try {
      process.kill(p, signal); // and anything that left the group (node-pty terminals call setsid)
    } catch {
      /* already gone */
    }
  }
}

let handlersInstalled = false;
function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Children are in their own process group, so Ctrl+C does not reach them: clean up here.
  process.on('exit', () => {
    for (const stop of live) stop.sync();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const stop of live) stop.sync();
      process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[sig] ?? 0));
    });
  }
}

function toRemoteUri(authority, absPath) {
  const abs = path.resolve(absPath);
  return `vscode-remote://${authority}${abs.split(path.sep).map(encodeURIComponent).join('/')}`;
}

async function waitForHttp(url, child, logTail, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${logTail()}`);
    }
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      if (res.status > 0) return;
    } catch {
      /* not listening yet */
    }
    await sleep(150);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms:\n${logTail()}`);
}

/**
 * Start code-server on a free port of 127.0.0.1.
 * @param {object} o
 * @param {string} o.workspace folder to open
 * @param {string} [o.extensionDevelopmentPath] extension under development (absolute or relative path)
 * @param {string} [o.extensionTestsPath] test suite module whose run() the extension host awaits
 * @param {Record<string,string>} [o.env] extra environment for code-server (reaches the extension host)
 * @param {string} [o.runDir] folder for this run's state and logs; default: fresh .vscode-test/runs/<id>/
 * @param {string} [o.extensionsDir] default: fresh folder under .vscode-test/runs/<id>/
 * @param {string} [o.userDataDir] default: fresh folder under .vscode-test/runs/<id>/
 * @param {object} [o.settings] user settings.json entries (merged over quiet defaults)
 * @param {boolean} [o.untrusted] workspace trust enabled and the folder not trusted (Restricted Mode)
 * @param {boolean} [o.verbose] echo the server log to stderr
 * @param {number} [o.port] listen on this port of 127.0.0.1 (default: a free one). The same port
 *   again keeps the browser's origin, so a restarted server finds the workbench state the
 *   browser stored for it (the extension's workspace state, the editors to restore).
 * @param {number} [o.startTimeoutMs]
 */
export async function startCodeServer(o) {
  const entry = codeServerEntry();
  if (!existsSync(entry)) {
    throw new Error(`code-server is not installed (${entry} missing); run: node scripts/vscode/setup.mjs`);
  }
  if (!o?.workspace) throw new Error('startCodeServer: workspace is required');
  const workspace = path.resolve(o.workspace);
  const runDir = o.runDir ? path.resolve(o.runDir) : newRunDir();
  mkdirSync(runDir, { recursive: true });
  const extensionsDir = path.resolve(o.extensionsDir ?? path.join(runDir, 'extensions'));
  const userDataDir = path.resolve(o.userDataDir ?? path.join(runDir, 'user-data'));
  for (const d of [extensionsDir, path.join(userDataDir, 'User')]) mkdirSync(d, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (o.settings || o.untrusted || !existsSync(settingsFile)) {
    writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...(o.untrusted ? UNTRUSTED_SETTINGS : {}), ...(o.settings ?? {}) }, null, 2) + '\n');
  }
  // code-server otherwise writes ~/.config/code-server/config.yaml and ~/.local/share/code-server.
  const configFile = path.join(runDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const xdg = path.join(runDir, 'xdg');

  const inherited = Object.fromEntries(
    // Started from a VS Code terminal, these would make the inner VS Code talk to the outer one.
    Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'),
  );
  const env = {
    ...inherited,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    ...(o.env ?? {}),
  };

  const logFile = path.join(runDir, 'server.log');
  const logStream = createWriteStream(logFile);
  let logText = '';
  const logTail = (n = 40) => logText.split('\n').slice(-n).join('\n');

  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = o.port ?? (await freePort());
    const args = [
      entry,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(o.untrusted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      workspace,
    ];
    const child = spawn(process.execPath, args, { cwd: runDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk) => {
      const s = chunk.toString();
      logText = (logText + s).slice(-200_000);
      logStream.write(s);
      if (o.verbose) process.stderr.write(s);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exited = new Promise((resolve) => child.once('exit', resolve));

    let stopped = false;
    const stopSync = () => {
      if (child.pid) signalTree(child.pid, descendants(child.pid), 'SIGKILL');
    };
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      live.delete(stop);
      if (!child.pid) return;
      const tree = descendants(child.pid);
      signalTree(child.pid, tree, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && [child.pid, ...tree].some(alive)) await sleep(100);
      const left = [child.pid, ...tree, ...descendants(child.pid)].filter(alive);
      if (left.length) signalTree(child.pid, left, 'SIGKILL');
      await Promise.race([exited, sleep(2000)]);
      await new Promise((r) => logStream.end(r));
    };
    stop.sync = stopSync;
    live.add(stop);
    installExitHandlers();

    const url = `http://127.0.0.1:${port}/`;
    try {
      await waitForHttp(`${url}healthz`, child, logTail, o.startTimeoutMs ?? 60_000);
    } catch (err) {
      lastError = err;
      await stop();
      if (/EADDRINUSE/.test(logText) && attempt < 3 && !o.port) continue; // lost the port race: try another
      throw err;
    }

    const authority = `127.0.0.1:${port}`;
    const defaultPayload = {
      extensionDevelopmentPath: o.extensionDevelopmentPath,
      extensionTestsPath: o.extensionTestsPath,
    };
    /**
     * URL that opens `folder` with the given payload. payload: an object whose path-valued keys
     * (extensionDevelopmentPath, extensionTestsPath) are turned into vscode-remote URIs, or an
     * array of [key, value] pairs passed as is. Defaults to the paths given to startCodeServer.
     */
    const buildUrl = (folder = workspace, payload = defaultPayload) => {
      const pairs = Array.isArray(payload)
        ? payload
        : Object.entries(payload ?? {})
            .filter(([, v]) => v !== undefined && v !== null)
            .map(([k, v]) => [k, /^(extensionDevelopmentPath|extensionTestsPath)$/.test(k) ? toRemoteUri(authority, v) : String(v)]);
      const q = [`folder=${encodeURIComponent(path.resolve(folder))}`];
      if (pairs.length) q.push(`payload=${encodeURIComponent(JSON.stringify(pairs))}`);
      return `${url}?${q.join('&')}`;
    };
    return { url, port, runDir, untrusted: !!o.untrusted, logFile, userDataDir, extensionsDir, process: child, exited, buildUrl, stop, logTail };
  }
  throw lastError;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Debian Chromium through playwright-core (never `npx playwright install` here). */
export async function launchBrowser({ headless = true, args = [], ...rest } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; run: node scripts/vscode/setup.mjs (or set CORROBORATE_CHROMIUM)`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless, args: [...CHROMIUM_ARGS, ...args], ...rest });
  const stop = async () => {
    live.delete(stop);
    await browser.close().catch(() => {});
  };
  // Playwright kills its browser when this process exits; this only covers an orderly stop.
  stop.sync = () => {};
  live.add(stop);
  installExitHandlers();
  return browser;
}
