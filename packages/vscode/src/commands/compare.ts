// Topo: Compare Simulation with Fixed Budgets: one scenario (a code lens passes one; a code
// action on a budget finding lets the user pick) run twice in the server, as written and
// after "Fix timeout budgets", with one seed, and shown overlaid in the compare view.
import * as vscode from 'vscode';
import { TopoRequests, type CompareParams } from '@topo/language/protocol';
import type { Topo } from '../context.js';
import { displayName } from '../target.js';
import { ComparePanel } from '../webviews/compare-panel.js';
import { requestWithProgress, seedSetting } from './progress.js';
import { scenarioTarget } from './scenario-target.js';

export async function compareWithFixedBudgets(topo: Topo, uriArg?: unknown, scenarioArg?: unknown): Promise<void> {
  const target = await scenarioTarget(topo, uriArg, scenarioArg, 'Compare with fixed budgets:');
  if (!target) return;
  const { uri, scenario } = target;
  const params: Omit<CompareParams, 'workDoneToken'> = { uri: uri.toString(), against: 'fixed', ...(scenario !== undefined ? { scenario } : {}), ...seedSetting(uri) };
  const answer = await requestWithProgress(topo, `Comparing ${scenario ?? 'the default load'} as written and with fixed budgets`, TopoRequests.compare, params);
  if (!answer) return;
  if (!answer.runs || !answer.table) {
    await vscode.window.showErrorMessage(answer.message ?? 'The comparison returned no runs.');
    return;
  }
  ComparePanel.show(topo, { uri: uri.toString(), name: displayName(uri), runs: answer.runs, table: answer.table });
}
