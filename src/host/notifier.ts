// Notifications prefixed with the extension's name, recorded so that the integration tests can
// check which messages the user saw.

import * as vscode from 'vscode';

export type NotificationSeverity = 'info' | 'warning' | 'error';

/** One notification as the user saw it. */
export interface Notification {
  severity: NotificationSeverity;
  message: string;
}

/** Maximum number of notifications kept for the tests; older ones are dropped. */
const maxRecorded = 50;

export class Notifier {
  private readonly recorded: Notification[] = [];

  info(text: string): void {
    this.show('info', text);
  }

  warning(text: string): void {
    this.show('warning', text);
  }

  error(text: string): void {
    this.show('error', text);
  }

  /** Notifications shown so far, oldest first. */
  history(): readonly Notification[] {
    return this.recorded;
  }

  // The returned promises settle only when the user dismisses the message, so nothing awaits them.
  private show(severity: NotificationSeverity, text: string): void {
    const message = `Descent Lab: ${text}`;
    this.recorded.push({ severity, message });
    if (this.recorded.length > maxRecorded) {
      this.recorded.shift();
    }

    if (severity === 'error') {
      void vscode.window.showErrorMessage(message);
    } else if (severity === 'warning') {
      void vscode.window.showWarningMessage(message);
    } else {
      void vscode.window.showInformationMessage(message);
    }
  }
}
