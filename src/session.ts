// The host's side of one panel, free of the VS Code API so that the extension and the Chromium test
// drive the same code. It replies to `ready` with the full state and runs each `run` request in slices
// of a few milliseconds, so the extension host never blocks. A newer request cancels an older one.

import { DescentRun, parseFunction, type DescentResult, type Objective } from './engine/index';
import {
  parseFromWebview,
  type FunctionView,
  type PanelState,
  type RunSettings,
  type RunView,
  type ToWebview,
} from './protocol';
import { sampleLandscape } from './landscape';

export interface SessionOptions {
  fn: FunctionView;
  objective: Objective;
  settings: RunSettings;
  post: (message: ToWebview) => void;
  log?: (line: string) => void;
}

/** Wall-clock time one slice may take before it yields, in milliseconds. */
const sliceMilliseconds = 8;
/** Iterations between clock checks inside a slice. */
const iterationsPerCheck = 1024;

interface ActiveRun {
  requestId: number;
  run: DescentRun;
  settings: RunSettings;
  started: number;
  /** Post the whole state instead of a result, as the reply to `ready`. */
  answerWithState: boolean;
}

export class PanelSession {
  private current: PanelState;
  private active: ActiveRun | undefined;
  private disposed = false;
  private readonly objective: Objective;
  private readonly post: (message: ToWebview) => void;
  private readonly log: (line: string) => void;

  constructor(options: SessionOptions) {
    this.current = { fn: options.fn, settings: options.settings };
    this.objective = options.objective;
    this.post = options.post;
    this.log = options.log ?? (() => undefined);
  }

  get state(): PanelState {
    return this.current;
  }

  /** Handles one message from the webview; invalid messages are logged and ignored. */
  receive(data: unknown): void {
    const message = parseFromWebview(data, this.objective.dimension);
    if (typeof message === 'string') {
      this.log(`Ignored an invalid message from the webview: ${message}.`);
      return;
    }

    if (message.type === 'ready') {
      this.answerReady();
      return;
    }
    this.start(message.requestId, message.settings, false);
  }

  /**
   * Replies to `ready`, which a webview sends when it loads again after being hidden. A run still
   * in progress goes on: the new page gets the state with that run's settings at once, and the
   * run's result when it finishes. Only a panel that has never run starts one.
   */
  private answerReady(): void {
    if (this.active !== undefined) {
      const { settings, requestId } = this.active;
      this.post({ type: 'state', state: { ...this.current, settings, requestId } });
      return;
    }
    if (this.current.run !== undefined) {
      this.post({ type: 'state', state: this.current });
      return;
    }
    this.start(this.current.requestId ?? 0, this.current.settings, true);
  }

  dispose(): void {
    this.disposed = true;
    this.active?.run.cancel();
    this.active = undefined;
  }

  private start(requestId: number, settings: RunSettings, answerWithState: boolean): void {
    this.active?.run.cancel();
    let run: DescentRun;
    try {
      run = new DescentRun(this.objective, { ...settings, historyCap: 2000 });
    } catch (error) {
      this.post({
        type: 'runError',
        requestId,
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }

    const active: ActiveRun = { requestId, run, settings, started: performance.now(), answerWithState };
    this.active = active;
    this.continue(active);
  }

  private continue(active: ActiveRun): void {
    if (this.disposed || this.active !== active) {
      return;
    }
    const sliceEnd = performance.now() + sliceMilliseconds;
    let done = active.run.advance(iterationsPerCheck);
    while (!done && performance.now() < sliceEnd) {
      done = active.run.advance(iterationsPerCheck);
    }

    if (done) {
      this.finish(active);
    } else {
      yieldThen(() => this.continue(active));
    }
  }

  private finish(active: ActiveRun): void {
    this.active = undefined;
    const result = active.run.result();
    const view = toRunView(result, this.objective, performance.now() - active.started);
    this.current = { ...this.current, settings: active.settings, run: view, requestId: active.requestId };
    this.log(
      `Run on "${truncate(this.current.fn.source, 80)}" with α = ${active.settings.learningRate}: ` +
        `${result.verdict} after ${result.nit} iterations in ${view.elapsedMs.toFixed(1)} ms.`,
    );

    if (active.answerWithState) {
      this.post({ type: 'state', state: this.current });
    } else {
      this.post({ type: 'result', requestId: active.requestId, settings: active.settings, run: view });
    }
  }
}

/** Parses `source` and opens a session on it; throws ParseError for invalid text. */
export function createSession(
  source: string,
  settings: Omit<RunSettings, 'x0'> & { x0?: number[] },
  post: (message: ToWebview) => void,
  options: { origin?: string; log?: (line: string) => void } = {},
): PanelSession {
  const parsed = parseFunction(source);
  const dimension = parsed.parameters.length;
  const x0 = settings.x0?.length === dimension ? settings.x0 : new Array<number>(dimension).fill(0);
  const fn: FunctionView = {
    source,
    display: parsed.display,
    parameters: parsed.parameters,
    ...(parsed.derivative === undefined ? {} : { derivative: parsed.derivative }),
    ...(options.origin === undefined ? {} : { origin: options.origin }),
  };
  return new PanelSession({
    fn,
    objective: parsed.objective,
    settings: { ...settings, x0 },
    post,
    ...(options.log === undefined ? {} : { log: options.log }),
  });
}

/** Lays a result out for the charts: parallel history columns, slopes in 1-D, and the landscape. */
export function toRunView(result: DescentResult, objective: Objective, elapsedMs: number): RunView {
  const history = result.history;
  const iterates = history.map((point) => point.x);
  const view: RunView = {
    verdict: result.verdict,
    explanation: result.explanation,
    message: result.message,
    success: result.success,
    x: result.x,
    fun: result.fun,
    gradientNormFinal: history.length > 0 ? history[history.length - 1].gradientNorm : NaN,
    nit: result.nit,
    learningRate: result.learningRate,
    iterations: history.map((point) => point.iteration),
    losses: history.map((point) => point.f),
    gradientNorms: history.map((point) => point.gradientNorm),
    iterates,
    elapsedMs,
  };

  if (result.period !== undefined) view.period = result.period;
  if (result.stabilityLimit !== undefined) view.stabilityLimit = result.stabilityLimit;
  if (objective.dimension === 1) view.slopes = slopesAt(objective, iterates);
  const landscape = sampleLandscape(objective, iterates.length > 0 ? iterates : [result.x]);
  if (landscape !== undefined) view.landscape = landscape;
  return view;
}

function slopesAt(objective: Objective, iterates: number[][]): number[] {
  const gradient = new Float64Array(1);
  return iterates.map((x) => {
    objective.valueAndGradient(x, gradient);
    return gradient[0];
  });
}

function truncate(text: string, length: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= length ? oneLine : `${oneLine.slice(0, length - 1)}…`;
}

function yieldThen(callback: () => void): void {
  if (typeof setImmediate === 'function') {
    setImmediate(callback);
  } else {
    setTimeout(callback, 0);
  }
}
