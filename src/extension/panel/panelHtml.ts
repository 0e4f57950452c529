import { randomBytes } from 'node:crypto';

export interface PanelAssets {
  /** `webview.cspSource` */
  cspSource: string;
  /** `webview.asWebviewUri(…)` of media/webview.css, media/codicon.css and media/webview.js, as strings. */
  css: string;
  codicons: string;
  script: string;
}

/** A fresh nonce for every page: 128 random bits, base64 without characters a CSP would trip on. */
export function newNonce(): string {
  return randomBytes(16).toString('base64').replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c] ?? '');
}

/**
 * The panel's page. Source text never appears here: it arrives later as data in a message
 * and the webview script inserts it as text. Only the one script with this page's nonce may
 * run; styles, fonts and images come from the extension's media/ folder only.
 */
export function panelHtml(assets: PanelAssets, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${assets.cspSource}`,
    `font-src ${assets.cspSource}`,
    `img-src ${assets.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ') + ';';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(assets.css)}">
<link rel="stylesheet" href="${attr(assets.codicons)}">
<title>Corroborate</title>
</head>
<body>
<div id="app"></div>
<script nonce="${attr(nonce)}" src="${attr(assets.script)}"></script>
</body>
</html>
`;
}

function attr(s: string): string {
  return s.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}
