// Throwaway extension for the harness self-test: one command that returns a string and shows it.
const vscode = require('vscode');

const GREETING = 'Hello from the Corroborate fixture';

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('corroborateFixture.hello', () => {
      // Not awaited: the notification stays until dismissed, the command returns at once.
      void vscode.window.showInformationMessage(GREETING);
      return GREETING;
    }),
  );
}

function deactivate() {}

module.exports = { activate, deactivate, GREETING };
