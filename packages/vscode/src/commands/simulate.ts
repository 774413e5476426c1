// Topo: Run Simulation…: pick one of the file's scenarios (a code lens passes one), run it
// in the server with a progress notification that can cancel it, and show the results.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { TopoRequests, type ScenariosParams, type ScenariosResult, type SimulateParams, type SimulateResult } from '@topo/language/protocol';
import { request } from '../client.js';
import type { Topo } from '../context.js';
import { displayName, notOpen, topoUri } from '../target.js';
import { PreviewPanel } from '../webviews/preview-panel.js';
import { ResultsPanel } from '../webviews/results-panel.js';

/** The scenario to run: undefined when the user dismissed the pick. */
async function pickScenario(topo: Topo, uri: vscode.Uri): Promise<{ name?: string } | undefined> {
  const { scenarios } = await request<ScenariosResult>(topo.client, TopoRequests.scenarios, { uri: uri.toString() } satisfies ScenariosParams);
  const items: Array<vscode.QuickPickItem & { scenario?: string }> =
    scenarios.length > 0
      ? scenarios.map((name) => ({ label: name, scenario: name }))
      : [{ label: 'Default load', description: '100 rps into every entry for 60 s', detail: 'The file declares no scenario.' }];
  const picked = await vscode.window.showQuickPick(items, { title: `Simulate ${displayName(uri)}`, placeHolder: 'Pick a scenario' });
  return picked && { name: picked.scenario };
}

async function simulate(topo: Topo, uri: vscode.Uri, scenario: string | undefined): Promise<SimulateResult | undefined> {
  const seed = vscode.workspace.getConfiguration('topo', uri).get<number | null>('simulation.seed');
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Simulating ${scenario ?? 'the default load'}`, cancellable: true },
    async (progress, cancel) => {
      const workDoneToken = randomUUID();
      let reported = 0;
      const listening = topo.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const increment = value.percentage === undefined ? undefined : value.percentage - reported;
        if (value.percentage !== undefined) reported = value.percentage;
        progress.report({ increment, message: value.message });
      });
      const params: SimulateParams = { uri: uri.toString(), workDoneToken, traceEvery: TRACE_EVERY, ...(scenario !== undefined ? { scenario } : {}), ...(typeof seed === 'number' ? { seed } : {}) };
      try {
        return await request<SimulateResult>(topo.client, TopoRequests.simulate, params, cancel);
      } catch (error) {
        // Cancelled before the server answered with what it had: nothing to show.
        if (cancel.isCancellationRequested) return undefined;
        throw error;
      } finally {
        listening.dispose();
      }
    },
  );
}

/** One request in this many is traced, for the results view's trace exports (as the CLI's default). */
const TRACE_EVERY = 100;

export async function runSimulation(topo: Topo, uriArg?: unknown, scenarioArg?: unknown): Promise<void> {
  const uri = topoUri(uriArg, PreviewPanel.focused());
  if (!uri) return notOpen();
  await topo.ready;
  const scenario = typeof scenarioArg === 'string' ? { name: scenarioArg } : await pickScenario(topo, uri);
  if (!scenario) return;
  const answer = await simulate(topo, uri, scenario.name);
  if (!answer) return;
  if (!answer.result) {
    await vscode.window.showErrorMessage(answer.message ?? 'The simulation returned no result.');
    return;
  }
  ResultsPanel.show(topo, { uri: uri.toString(), name: displayName(uri), result: answer.result, spans: answer.spans });
}
