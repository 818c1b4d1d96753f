import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import type { DescentLabTestApi } from '../../../src/extension';
import { settingsBounds } from '../../../src/protocol';
import {
  activateExtension,
  closeAllEditors,
  extensionId,
  openWithSelection,
  runAndWaitForResult,
} from './helpers';

interface NumberSchema {
  type: string;
  default: number;
  minimum: number;
  maximum: number;
}

const keys = ['learningRate', 'maxIterations', 'gtol'] as const;

describe('settings', () => {
  let api: DescentLabTestApi;

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    const configuration = vscode.workspace.getConfiguration('descentLab');
    for (const key of keys) {
      await configuration.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    await closeAllEditors();
  });

  for (const key of keys) {
    it(`declares the bounds of ${key}`, () => {
      const packageJson = vscode.extensions.getExtension(extensionId)?.packageJSON as {
        contributes: { configuration: { properties: Record<string, NumberSchema> } };
      };
      const schema = packageJson.contributes.configuration.properties[`descentLab.${key}`];

      assert.equal(schema.minimum, settingsBounds[key].min);
      assert.equal(schema.maximum, settingsBounds[key].max);
      assert.ok(schema.default >= schema.minimum, `default ${schema.default} is below the minimum`);
      assert.ok(schema.default <= schema.maximum, `default ${schema.default} is above the maximum`);
    });
  }

  it('clamps values outside the bounds', async () => {
    const configuration = vscode.workspace.getConfiguration('descentLab');
    await configuration.update('learningRate', 50, vscode.ConfigurationTarget.Global);
    await configuration.update('maxIterations', -5, vscode.ConfigurationTarget.Global);
    await configuration.update('gtol', 3, vscode.ConfigurationTarget.Global);
    await openWithSelection('x^2 + 1', 'x^2 + 1');

    await runAndWaitForResult(api);

    const settings = api.panelState()?.settings;
    assert.equal(settings?.learningRate, settingsBounds.learningRate.max);
    assert.equal(settings?.maxIterations, settingsBounds.maxIterations.min);
    assert.equal(settings?.gtol, settingsBounds.gtol.max);
  });

  it('uses the default for a value that is not a number', async () => {
    const configuration = vscode.workspace.getConfiguration('descentLab');
    await configuration.update('learningRate', 'fast', vscode.ConfigurationTarget.Global);
    await openWithSelection('x^2 + 2', 'x^2 + 2');

    await runAndWaitForResult(api);

    assert.equal(
      api.panelState()?.settings.learningRate,
      configuration.inspect('learningRate')?.defaultValue,
    );
  });
});
