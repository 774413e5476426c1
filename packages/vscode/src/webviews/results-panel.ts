// The results of a simulation: one panel per file and scenario (and one for its sweep),
// reused when the scenario runs (or is swept) again, restored from the view's state after a
// reload. Files the view makes (JSON, CSV, traces) are saved where the user says.
import * as vscode from 'vscode';
import type { ResultsData } from '@topo/views/messages';
import { siblingUri } from '../target.js';
import { DataPanels } from './data-panel.js';

export const RESULTS_VIEW_TYPE = 'topo.results';

export const ResultsPanel = new DataPanels<ResultsData>({
  viewType: RESULTS_VIEW_TYPE,
  view: 'results',
  title: (data) => `${data.sweep ? 'Sweep' : 'Simulation'}: ${data.result.scenario} (${data.name})`,
  key: (data) => `${data.sweep ? 'sweep' : 'run'} ${data.result.scenario} ${data.uri}`,
  message: (data) => ({ type: 'results', data }),
  receive(message, data) {
    if (message.type === 'save') void save(data, message.fileName, message.text);
  },
});

async function save(data: ResultsData, fileName: string, text: string): Promise<void> {
  const source = vscode.Uri.parse(data.uri);
  const target = await vscode.window.showSaveDialog({ defaultUri: siblingUri(source, fileName), saveLabel: 'Export' });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const open = await vscode.window.showInformationMessage(`Exported ${target.path.split('/').at(-1)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}
