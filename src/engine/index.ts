// Public surface of the engine: parse a function, compile it with its gradient, and run descent.
// Nothing here imports `vscode`, so the same code runs in the extension host, the CLI and a browser.

export type { DescentOptions, DescentResult, HistoryPoint, Verdict } from './types';
