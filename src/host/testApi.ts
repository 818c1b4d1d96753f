// Hooks for the integration tests in test/vscode, returned from `activate`. They let the tests check
// what the host did without reading the webview's DOM. This is not a public API: it changes with the
// tests.

import type * as vscode from 'vscode';

import type { PanelState, RunView, ToWebview } from '../protocol';
import type { Notification } from './notifier';

export interface DescentLabTestApi {
  /** Latest run result the host posted to the panel, or undefined before the first one. */
  lastRun(): RunView | undefined;
  /** State of the panel's session, or undefined when no panel is open. */
  panelState(): PanelState | undefined;
  /** Notifications shown since activation, oldest first. */
  notifications(): readonly Notification[];
  /** Fires with every message the host posts to the panel. */
  readonly onDidPostMessage: vscode.Event<ToWebview>;
}
