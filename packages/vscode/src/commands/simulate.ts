// Topo: Run Simulation…: pick one of the file's scenarios (a code lens passes one), run it
// in the server with a progress notification that can cancel it, and show the results.
import * as vscode from 'vscode';
import { TopoRequests, type SimulateParams } from '@topo/language/protocol';
import type { Topo } from '../context.js';
import { displayName } from '../target.js';
import { ResultsPanel } from '../webviews/results-panel.js';
import { requestWithProgress, seedSetting } from './progress.js';
import { scenarioTarget } from './scenario-target.js';

/** One request in this many is traced, for the results view's trace exports (as the CLI's default). */
const TRACE_EVERY = 100;

export async function runSimulation(topo: Topo, uriArg?: unknown, scenarioArg?: unknown): Promise<void> {
  const target = await scenarioTarget(topo, uriArg, scenarioArg, 'Simulate');
  if (!target) return;
  const { uri, scenario } = target;
  const params: Omit<SimulateParams, 'workDoneToken'> = { uri: uri.toString(), traceEvery: TRACE_EVERY, ...(scenario !== undefined ? { scenario } : {}), ...seedSetting(uri) };
  const answer = await requestWithProgress(topo, `Simulating ${scenario ?? 'the default load'}`, TopoRequests.simulate, params);
  if (!answer) return;
  if (!answer.result) {
    await vscode.window.showErrorMessage(answer.message ?? 'The simulation returned no result.');
    return;
  }
  ResultsPanel.show(topo, { uri: uri.toString(), name: displayName(uri), result: answer.result, spans: answer.spans, ...(answer.rightSizing ? { rightSizing: answer.rightSizing } : {}) });
}
