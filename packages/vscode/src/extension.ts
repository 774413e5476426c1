// The Topo extension: a thin client. The language server (bundled beside this file) holds
// the parsed documents and runs the engines; the extension starts it, forwards the custom
// requests of the commands, and shows their answers in webviews.
import * as vscode from 'vscode';
import { TopoCommands } from '@topo/language/commands';
import { TopoNotifications } from '@topo/language/protocol';
import type { PreviewMode, ViewState } from '@topo/views/messages';
import { createClient } from './client.js';
import { compareWithFixedBudgets } from './commands/compare.js';
import { exportAs } from './commands/export-as.js';
import { exportSvg } from './commands/export-svg.js';
import { importCommand } from './commands/import.js';
import { newArchitectureFile } from './commands/new-file.js';
import { runSimulation } from './commands/simulate.js';
import { sweepLoad } from './commands/sweep.js';
import type { Topo } from './context.js';
import { notOpen, topoUri } from './target.js';
import { COMPARE_VIEW_TYPE, ComparePanel } from './webviews/compare-panel.js';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './webviews/preview-panel.js';
import { RESULTS_VIEW_TYPE, ResultsPanel } from './webviews/results-panel.js';

let stop: (() => Promise<void>) | undefined;

function openPreview(topo: Topo, mode: PreviewMode) {
  return (arg?: unknown) => {
    const uri = topoUri(arg, PreviewPanel.focused());
    if (!uri) return notOpen();
    PreviewPanel.show(topo, uri, mode);
  };
}

export function activate(context: vscode.ExtensionContext): void {
  const client = createClient(context);
  const topo: Topo = { client, ready: client.start(), extensionUri: context.extensionUri };
  stop = () => client.stop();
  const output = vscode.window.createOutputChannel('Topo');

  const command = (id: string, run: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    output,
    command(TopoCommands.openPreview, openPreview(topo, 'preview')),
    command(TopoCommands.showCarbon, openPreview(topo, 'carbon')),
    command(TopoCommands.simulate, (uri, scenario) => runSimulation(topo, uri, scenario)),
    command(TopoCommands.compareFixed, (uri, scenario) => compareWithFixedBudgets(topo, uri, scenario)),
    command(TopoCommands.sweepLoad, (uri, scenario) => sweepLoad(topo, uri, scenario)),
    command(TopoCommands.exportSvg, (uri) => exportSvg(topo, uri)),
    command(TopoCommands.exportAs, (uri, format) => exportAs(topo, uri, format)),
    command(TopoCommands.importSpigo, (uri) => importCommand('spigo', output, uri)),
    command(TopoCommands.importKubernetes, (uri) => importCommand('kubernetes', output, uri)),
    command(TopoCommands.importTraces, (uri) => importCommand('traces', output, uri)),
    command(TopoCommands.newFile, () => newArchitectureFile()),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: ViewState | undefined) {
        if (state?.kind === 'preview') PreviewPanel.revive(topo, panel, vscode.Uri.parse(state.uri), state.mode);
        else panel.dispose();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: ViewState | undefined) {
        if (state?.kind === 'results') ResultsPanel.revive(topo, panel, state.data);
        else panel.dispose();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: ViewState | undefined) {
        if (state?.kind === 'compare') ComparePanel.revive(topo, panel, state.data);
        else panel.dispose();
      },
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('topo.preview') || event.affectsConfiguration('topo.carbon') || event.affectsConfiguration('topo.validation')) {
        PreviewPanel.refreshAll();
      }
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId === 'topo' && event.contentChanges.length > 0) PreviewPanel.edited(event.document.uri.toString());
    }),
    client.onNotification(TopoNotifications.modelChanged, (params) => PreviewPanel.modelChanged(params.uri)),
  );
  topo.ready.catch((error: unknown) => {
    void vscode.window.showErrorMessage(`The Topo language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export async function deactivate(): Promise<void> {
  await stop?.();
}
