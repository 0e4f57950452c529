#!/usr/bin/env node
// Development harness for the side-by-side panel: serves, on 127.0.0.1, the page the extension
// host will create (same markup, same CSP with a fresh nonce), with a stub `acquireVsCodeApi`
// that records posted messages and keeps state in memory, the `--vscode-*` variables and body
// classes captured from real VS Code themes (test/webview/themes, see webview-themes.mjs), and
// a stub host that answers `ready` with a model.
//
//   npm run build && node --import tsx scripts/webview-dev.mjs [--port 5177]
//   then open http://127.0.0.1:5177/?theme=dark-plus&model=seeds
//
// Query: theme = dark-plus | light-plus | dark-modern | light-modern | hc-dark | hc-light
//        model = seeds | big | twelve | hostile | file:<path to a ViewModel JSON>
//        colors=0 leaves out the extension's contributed colours (to check the CSS fallbacks)
//        state=<url-encoded JSON> starts as if VS Code restored this webview state
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const THEMES = path.join(ROOT, 'test/webview/themes');

/**
 * The extension's own colours (`contributes.colors` in package.json, ids corroborate.*), as VS
 * Code exposes them to webviews: --vscode-corroborate-<name>, with the default of the theme's
 * kind. Read from package.json so the harness shows what ships; colours not contributed there
 * are left out, and the stylesheet's fallbacks apply.
 */
function themeColors(theme) {
  const body = theme.bodyClass ?? '';
  const kind = body.includes('high-contrast-light') ? 'highContrastLight' : body.includes('high-contrast') ? 'highContrast' : body.includes('light') ? 'light' : 'dark';
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const out = {};
  for (const c of pkg.contributes?.colors ?? []) {
    const value = c.defaults?.[kind] ?? (kind === 'highContrastLight' ? c.defaults?.light : undefined);
    if (typeof value === 'string' && value.startsWith('#')) out[`--vscode-${c.id.replace(/\./g, '-')}`] = value;
  }
  return out;
}

/** Loads a model by name; the engine is imported lazily (needs `--import tsx`). */
export async function loadModel(name) {
  if (name.startsWith('file:')) return JSON.parse(readFileSync(name.slice(5), 'utf8'));
  const models = await import(pathToFileURL(path.join(ROOT, 'test/webview/models.ts')).href);
  const seeds = () => (existsSync('/tmp/viewmodel.json') && process.env.WEBVIEW_FRESH !== '1' ? JSON.parse(readFileSync('/tmp/viewmodel.json', 'utf8')) : models.seedsModel());
  switch (name) {
    case 'seeds':
      return seeds();
    case 'big':
      return models.bigModel(seeds(), 31);
    case 'twelve':
      return models.manySourcesModel(seeds(), 12);
    case 'hostile':
      return models.hostileModel();
    default:
      throw new Error(`unknown model ${name}`);
  }
}

/** JSON inside <script type="application/json">: `<` escaped so no text can close the element. */
const embed = (value) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

function page({ origin, theme, colors, model, filter, state, nonce }) {
  const vars = { ...theme.vars, ...(colors ? themeColors(theme) : {}) };
  const data = { vars, model, filter, state };
  // The host's HTML, exactly as agreed: CSP, two stylesheets from media/, #app, one script.
  // The harness adds VS Code's injected default styles, the stub API and the stub host.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${origin}; font-src ${origin}; img-src ${origin} data:; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${origin}/harness/vscode-default-styles.css">
<link rel="stylesheet" href="${origin}/media/codicon.css">
<link rel="stylesheet" href="${origin}/media/webview.css">
<title>Corroborate</title>
</head>
<body class="${theme.bodyClass}" data-vscode-theme-kind="${theme.themeKind ?? theme.bodyClass}" data-vscode-theme-name="${theme.theme}">
<div id="app"></div>
<script type="application/json" id="harness-data">${embed(data)}</script>
<script nonce="${nonce}">
(() => {
  const data = JSON.parse(document.getElementById('harness-data').textContent);
  for (const [k, v] of Object.entries(data.vars)) document.documentElement.style.setProperty(k, v);
  document.documentElement.style.setProperty('background', data.vars['--vscode-editor-background']);
  let state = data.state ?? undefined;
  const posted = (window.__posted = []);
  window.__stateLog = [];
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage(m) {
        posted.push(JSON.parse(JSON.stringify(m)));
        // The stub host: answer 'ready' with the model, as the extension will.
        if (m && m.type === 'ready' && data.model) setTimeout(() => window.postMessage({ type: 'model', model: data.model, filter: data.filter }, '*'), 0);
      },
      getState: () => state,
      setState(s) {
        state = JSON.parse(JSON.stringify(s));
        window.__stateLog.push(state);
        return s;
      },
    });
  };
  window.__host = { send: (m) => window.postMessage(m, '*'), state: () => state };
})();
</script>
<script nonce="${nonce}" src="${origin}/media/webview.js"></script>
</body>
</html>`;
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

/** Starts the harness; resolves to { url, close }. Models are built once per name. */
export async function startDevServer({ port = 0 } = {}) {
  const cache = new Map();
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, `http://${req.headers.host}`);
      const origin = `http://${req.headers.host}`;
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      if (url.pathname === '/') {
        const themeName = url.searchParams.get('theme') ?? 'dark-plus';
        const theme = JSON.parse(readFileSync(path.join(THEMES, `${path.basename(themeName)}.json`), 'utf8'));
        const modelName = url.searchParams.get('model') ?? 'seeds';
        if (!cache.has(modelName)) cache.set(modelName, modelName === 'none' ? null : await loadModel(modelName));
        const stateParam = url.searchParams.get('state');
        const filter = { onlyDifferences: false, kinds: { figure: true, name: true, quote: true } };
        const html = page({ origin, theme, colors: url.searchParams.get('colors') !== '0', model: cache.get(modelName), filter, state: stateParam ? JSON.parse(stateParam) : null, nonce: randomBytes(16).toString('base64') });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        return res.end(html);
      }
      const file = url.pathname.startsWith('/media/')
        ? path.join(ROOT, 'media', path.basename(url.pathname))
        : url.pathname === '/harness/vscode-default-styles.css'
          ? path.join(ROOT, 'test/webview/vscode-default-styles.css')
          : null;
      if (!file || !existsSync(file)) {
        res.writeHead(404);
        return res.end('not found');
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err?.stack ?? err));
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return { url: `http://127.0.0.1:${actual}/`, close: () => new Promise((r) => server.close(r)) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '5177' } } });
  const { url } = await startDevServer({ port: Number(values.port) });
  console.log(`[webview-dev] ${url}?theme=dark-plus&model=seeds  (themes: ${['dark-plus', 'light-plus', 'dark-modern', 'light-modern', 'hc-dark', 'hc-light'].join(', ')}; models: seeds, big, twelve, hostile)`);
}
