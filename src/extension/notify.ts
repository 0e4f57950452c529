import * as vscode from 'vscode';

export interface Shown {
  level: 'info' | 'warning' | 'error';
  message: string;
}

/**
 * Notifications go through here so that the in-VS Code tests can see what a user would
 * have been told (the workbench's notifications are not readable through the API). The
 * promise is not awaited by callers that do not need the answer, so a command never waits
 * for a user to close a toast.
 */
export class Notifier {
  readonly shown: Shown[] = [];

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.record('info', message);
    return vscode.window.showInformationMessage(message, ...actions);
  }

  warn(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.record('warning', message);
    return vscode.window.showWarningMessage(message, ...actions);
  }

  error(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.record('error', message);
    return vscode.window.showErrorMessage(message, ...actions);
  }

  private record(level: Shown['level'], message: string): void {
    this.shown.push({ level, message });
    if (this.shown.length > 50) this.shown.shift();
  }
}
