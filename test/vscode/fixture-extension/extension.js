// Throwaway extension for the harness self-test: a command that returns a string and shows it,
// and a command that opens a webview (to prove UI tests can reach into webview iframes).
const vscode = require('vscode');

const GREETING = 'Hello from the Corroborate fixture';

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('corroborateFixture.hello', () => {
      // Not awaited: the notification stays until dismissed, the command returns at once.
      void vscode.window.showInformationMessage(GREETING);
      return GREETING;
    }),
    vscode.commands.registerCommand('corroborateFixture.showPanel', () => {
      const panel = vscode.window.createWebviewPanel('corroborateFixture', 'Fixture Panel', vscode.ViewColumn.One, {
        enableScripts: false,
        localResourceRoots: [],
      });
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); }</style></head>
<body><h1 id="fixture-webview">Fixture webview</h1><p>Rendered by the fixture extension.</p></body></html>`;
      return panel.viewType;
    }),
  );
}

function deactivate() {}

module.exports = { activate, deactivate, GREETING };
