// Entry point of the panel's webview. It restores the state VS Code kept while the panel was hidden
// and requests the current state from the host. From then on it sends a `run` for every valid
// control change and draws each result that is not older than the one on screen.

import type { PanelState, RunSettings, ToWebview } from '../protocol';
import { createIterateChart, iterateChartCaption, type IterateChart } from './charts/iterateChart';
import { LossChart } from './charts/lossChart';
import { Controls } from './controls';
import { Header } from './header';
import { createLayout, replaceIterateCanvas } from './layout';
import { connectToHost, onHostMessage } from './messaging';
import { RequestSequence } from './requests';
import { observeThemeChanges, readThemeColours } from './theme';

// A run whose result arrives within this time shows no progress state, so slider drags do not flicker.
const runningDelayMs = 150;

const appRoot = document.getElementById('app');
if (appRoot !== null) {
  startPanel(appRoot);
}

function startPanel(appRoot: HTMLElement): void {
  const host = connectToHost();
  const layout = createLayout(appRoot);
  const requests = new RequestSequence();
  let theme = readThemeColours();

  const header = new Header(layout.header);
  header.showRun(undefined);
  const lossChart = new LossChart(layout.lossCanvas, theme);
  let iterateChart: IterateChart | undefined;
  let iterateChartKey = '';
  let state: PanelState | undefined;
  let runningTimer: number | undefined;
  let runningShown = false;

  let logScale = false;
  const controls = new Controls(layout.controls, {
    onSettings: (settings) => requestRun(settings),
    onLogScale: (checked) => {
      logScale = checked;
      lossChart.setLogScale(checked);
      if (state !== undefined) {
        save(state);
      }
    },
  });

  // The host never sends `view`, so every save adds the webview's own display choices.
  function save(next: PanelState): void {
    host.saveState({ ...next, view: { logScale } });
  }

  function restoreView(view: PanelState['view']): void {
    logScale = view?.logScale ?? false;
    controls.setLogScale(logScale);
    lossChart.setLogScale(logScale);
  }

  function requestRun(settings: RunSettings): void {
    const requestId = requests.next();
    layout.root.setAttribute('aria-busy', 'true');
    host.post({ type: 'run', requestId, settings });
    showRunningLater(settings.learningRate);
  }

  // A status line already on screen switches to the newest request at once. Otherwise it appears after the delay.
  function showRunningLater(learningRate: number): void {
    window.clearTimeout(runningTimer);
    if (runningShown) {
      header.showRunning(learningRate);
      return;
    }
    runningTimer = window.setTimeout(() => {
      runningShown = true;
      header.showRunning(learningRate);
    }, runningDelayMs);
  }

  // Records on #app which request the screen now shows, so that tests can wait for a redraw. The
  // progress state stays while a newer request than the one shown is still unanswered.
  function markShown(requestId: number | undefined): void {
    layout.root.dataset.drawnRequestId = String(requestId ?? 0);
    layout.root.setAttribute('aria-busy', String(requests.pending));
    if (!requests.pending) {
      window.clearTimeout(runningTimer);
      runningShown = false;
      header.showRunning(undefined);
    }
  }

  function draw(next: PanelState): void {
    const key = next.fn.parameters.join('\u0000');
    if (iterateChart === undefined || key !== iterateChartKey) {
      iterateChart?.destroy();
      const caption = iterateChartCaption(next.fn.parameters.length);
      iterateChart = createIterateChart(replaceIterateCanvas(layout, caption), theme, next.fn);
      iterateChartKey = key;
    }

    header.showFunction(next.fn);
    header.showRun(next.run);
    layout.charts.classList.remove('stale');
    lossChart.show(next.run);
    iterateChart.show(next.run);
  }

  function showState(next: PanelState): void {
    state = next;
    requests.observe(next.requestId);
    requests.resetShown(next.requestId);
    controls.setSettings(next.settings, next.fn.parameters);
    draw(next);
    markShown(next.requestId);
  }

  function handleMessage(message: ToWebview): void {
    switch (message.type) {
      case 'state':
        showState(message.state);
        save(message.state);
        return;

      case 'result': {
        if (state === undefined || !requests.isCurrent(message.requestId)) {
          return;
        }
        state = { ...state, settings: message.settings, run: message.run, requestId: message.requestId };
        requests.markShown(message.requestId);
        draw(state);
        markShown(message.requestId);
        save(state);
        return;
      }

      case 'runError':
        if (!requests.isCurrent(message.requestId)) {
          return;
        }
        requests.markShown(message.requestId);
        header.showError(message.message);
        layout.charts.classList.add('stale');
        markShown(message.requestId);
        return;
    }
  }

  const restored = host.restoreState();
  if (restored !== undefined) {
    restoreView(restored.view);
    showState(restored);
  }

  onHostMessage(handleMessage);
  observeThemeChanges(() => {
    theme = readThemeColours();
    lossChart.setTheme(theme);
    iterateChart?.setTheme(theme);
  });
  host.post({ type: 'ready' });
}
