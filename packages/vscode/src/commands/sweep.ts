// Topo: Sweep Load…: pick one of the file's scenarios (a code lens passes one), what to vary
// (the rate of its loads or the users of its `users` lines) and FROM:TO:STEP, checked as it
// is typed as the CLI's --sweep-rate and --sweep-users check it. The server runs the scenario
// and then each point of the sweep, with a progress notification that can stop it, and the
// results view shows the run with the bottleneck plots.
import * as vscode from 'vscode';
import { sweepRange, sweepRangeFormat, TopoRequests, type LoadSweepParams, type SweepOver } from '@topo/language/protocol';
import type { Topo } from '../context.js';
import { displayName } from '../target.js';
import { ResultsPanel } from '../webviews/results-panel.js';
import { requestWithProgress, seedSetting } from './progress.js';
import { scenarioTarget } from './scenario-target.js';

const OVER: Array<vscode.QuickPickItem & { over: SweepOver; example: string }> = [
  { label: 'Rates', description: "the total rate of the scenario's `load` lines, in rps", over: 'rps', example: '100:1000:100' },
  { label: 'Users', description: "the users of the scenario's `users` lines", over: 'users', example: '10:200:10' },
];

export async function sweepLoad(topo: Topo, uriArg?: unknown, scenarioArg?: unknown): Promise<void> {
  const target = await scenarioTarget(topo, uriArg, scenarioArg, 'Sweep');
  if (!target) return;
  const { uri, scenario } = target;
  const what = scenario ?? 'the default load';
  const picked = await vscode.window.showQuickPick(OVER, { title: `Sweep ${what} over…`, placeHolder: 'What the sweep varies' });
  if (!picked) return;
  const { over } = picked;
  const range = await vscode.window.showInputBox({
    title: `Sweep ${what} over ${picked.label.toLowerCase()}`,
    prompt: `FROM:TO:STEP, as topo report --sweep-${over === 'rps' ? 'rate' : 'users'} takes it`,
    placeHolder: picked.example,
    validateInput: (text) => (sweepRange(text, over) ? undefined : sweepRangeFormat(over)),
  });
  if (range === undefined) return;
  const params: Omit<LoadSweepParams, 'workDoneToken'> = { uri: uri.toString(), over, range, ...(scenario !== undefined ? { scenario } : {}), ...seedSetting(uri) };
  const answer = await requestWithProgress(topo, `Sweeping ${what} over ${picked.label.toLowerCase()} ${range}`, TopoRequests.sweep, params);
  if (!answer) return;
  if (!answer.result) {
    await vscode.window.showErrorMessage(answer.message ?? 'The sweep returned no result.');
    return;
  }
  // Stopped during the sweep: the run came back whole, the sweep did not.
  if (!answer.sweep && !answer.result.stopped) void vscode.window.showInformationMessage(`The sweep of ${what} was stopped; the results show the scenario's own run.`);
  ResultsPanel.show(topo, {
    uri: uri.toString(),
    name: displayName(uri),
    result: answer.result,
    ...(answer.rightSizing ? { rightSizing: answer.rightSizing } : {}),
    ...(answer.sweep ? { sweep: answer.sweep } : {}),
  });
}
