import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import type { DescentLabTestApi } from '../../../src/extension';
import {
  activateExtension,
  closeAllEditors,
  descentLabTabs,
  openWithSelection,
  runAndWaitForResult,
  samplesFolder,
  selectionOf,
} from './helpers';

describe('panel', () => {
  let api: DescentLabTestApi;

  before(async () => {
    api = await activateExtension();
  });

  after(closeAllEditors);

  it('opens beside the editor with a run', async () => {
    const uri = vscode.Uri.joinPath(samplesFolder(), 'rosenbrock.md');
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    editor.selection = selectionOf(editor.document, '(1-x)^2 + 100*(y-x^2)^2');

    const run = await runAndWaitForResult(api);

    // Rosenbrock at the default α = 0.1 overshoots the stability limit 2/200 at (0, 0).
    assert.equal(run.verdict, 'diverging');
    const tabs = descentLabTabs();
    assert.equal(tabs.length, 1);
    assert.match(tabs[0].label, /^Descent Lab: \(1-x\)\^2 \+ 100\*\(y-x\^2\)\^2/);
    assert.notEqual(tabs[0].group.viewColumn, vscode.ViewColumn.One);
    assert.deepEqual(api.panelState()?.fn.parameters, ['x', 'y']);
    assert.equal(api.panelState()?.fn.origin, `rosenbrock.md:${editor.selection.start.line + 1}`);
    assert.equal(api.lastRun(), run);
  });

  it('keeps the editor focused', () => {
    assert.equal(vscode.window.activeTextEditor?.document.uri.path.endsWith('rosenbrock.md'), true);
  });

  it('is reused for the next function', async () => {
    await openWithSelection('f = x^2 + 10*y^2', 'x^2 + 10*y^2');

    await runAndWaitForResult(api);

    const tabs = descentLabTabs();
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0].label, 'Descent Lab: x^2 + 10*y^2');
    assert.equal(api.panelState()?.fn.source, 'x^2 + 10*y^2');
  });

  it('runs the parabola to convergence', async () => {
    await openWithSelection('x^2', 'x^2');

    const run = await runAndWaitForResult(api);

    // x^2 from x0 = 0 starts at its minimum, so the gradient is 0 at once.
    assert.equal(run.verdict, 'converged');
    assert.equal(run.fun, 0);
    assert.equal(run.nit, 0);
  });

  it('starts from the configured settings', async () => {
    const configuration = vscode.workspace.getConfiguration('descentLab');
    const settings = api.panelState()?.settings;

    assert.equal(settings?.learningRate, configuration.get('learningRate'));
    assert.equal(settings?.maxIterations, configuration.get('maxIterations'));
    assert.equal(settings?.gtol, configuration.get('gtol'));
    assert.deepEqual(settings?.x0, [0]);
  });
});
