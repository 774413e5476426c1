// The file and scenario a simulation command is about: what a code lens passed, else the
// active file (or the focused preview's) and a scenario the user picks from it.
import * as vscode from 'vscode';
import { TopoRequests } from '@topo/language/protocol';
import { request } from '../client.js';
import type { Topo } from '../context.js';
import { displayName, notOpen, topoUri } from '../target.js';
import { PreviewPanel } from '../webviews/preview-panel.js';

/** The scenario to run (no name: the default load); undefined when the user dismissed the pick. */
async function pickScenario(topo: Topo, uri: vscode.Uri, title: string): Promise<{ name?: string } | undefined> {
  const { scenarios } = await request(topo.client, TopoRequests.scenarios, { uri: uri.toString() });
  const items: Array<vscode.QuickPickItem & { scenario?: string }> =
    scenarios.length > 0
      ? scenarios.map((name) => ({ label: name, scenario: name }))
      : [{ label: 'Default load', description: '100 rps into every entry for 60 s', detail: 'The file declares no scenario.' }];
  const picked = await vscode.window.showQuickPick(items, { title: `${title} ${displayName(uri)}`, placeHolder: 'Pick a scenario' });
  return picked && { name: picked.scenario };
}

/** `title` heads the pick: "Simulate netflix.topo". Undefined when there is no file or no pick. */
export async function scenarioTarget(topo: Topo, uriArg: unknown, scenarioArg: unknown, title: string): Promise<{ uri: vscode.Uri; scenario?: string } | undefined> {
  const uri = topoUri(uriArg, PreviewPanel.focused());
  if (!uri) {
    await notOpen();
    return undefined;
  }
  await topo.ready;
  const picked = typeof scenarioArg === 'string' ? { name: scenarioArg } : await pickScenario(topo, uri, title);
  return picked && { uri, ...(picked.name !== undefined ? { scenario: picked.name } : {}) };
}
