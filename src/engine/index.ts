// Public surface of the engine: parse a function, compile it with its gradient, and run descent.
// Nothing here imports `vscode`, so the same code runs in the extension host, the CLI and a browser.

export type { DescentOptions, DescentResult, HistoryPoint, Verdict } from './types';
export type { Objective } from './objective';
export type { ParsedFunction } from './function';
export { parseFunction } from './function';
export { ParseError } from './parse/errors';
export { DescentRun, minimize, Status } from './descent';
export { estimateCurvature, type CurvatureEstimate } from './curvature';
export { defaultHistoryCap } from './history';
