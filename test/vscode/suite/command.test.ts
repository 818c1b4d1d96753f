import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { activateExtension, commandId, extensionId } from './helpers';

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

describe('command contribution', () => {
  before(async () => {
    await activateExtension();
  });

  it('registers descentLab.minimize', async () => {
    const commands = await vscode.commands.getCommands(true);

    assert.ok(commands.includes(commandId));
  });

  it('appears in the editor context menu', () => {
    const packageJson = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { menus: Record<string, MenuItem[]>; commands: { command: string; title: string }[] };
    };
    const item = packageJson.contributes.menus['editor/context'].find((entry) => entry.command === commandId);
    const command = packageJson.contributes.commands.find((entry) => entry.command === commandId);

    assert.ok(item, 'no editor/context entry for the command');
    assert.equal(item.when, 'editorHasSelection');
    assert.equal(item.group, 'navigation@0');
    assert.equal(command?.title, 'Minimize This Function');
  });
});
