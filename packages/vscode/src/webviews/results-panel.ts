// The results of a simulation: one panel per file and scenario, reused when the scenario
// runs again. The view keeps the run in its state, so a reload shows it again; files it
// makes (JSON, CSV) are saved where the user says.
import * as vscode from 'vscode';
import type { Topo } from '../context.js';
import { siblingUri } from '../target.js';
import type { FromView, ResultsData, ToView } from '../views/messages.js';
import { webviewHtml, webviewOptions } from './html.js';

export const RESULTS_VIEW_TYPE = 'topo.results';

function title(data: ResultsData): string {
  return `Simulation: ${data.result.scenario} (${data.name})`;
}

export class ResultsPanel {
  private static readonly open = new Map<string, ResultsPanel>();

  static show(topo: Topo, data: ResultsData): void {
    const key = ResultsPanel.key(data);
    const existing = ResultsPanel.open.get(key);
    if (existing) {
      existing.update(data);
      existing.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(RESULTS_VIEW_TYPE, title(data), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(topo.extensionUri));
    new ResultsPanel(topo.extensionUri, panel, data);
  }

  /** A panel VS Code kept across a reload: its view shows the run from its own state. */
  static revive(topo: Topo, panel: vscode.WebviewPanel, data: ResultsData): void {
    panel.webview.options = webviewOptions(topo.extensionUri);
    new ResultsPanel(topo.extensionUri, panel, data);
  }

  private static key(data: ResultsData): string {
    return `${data.result.scenario} ${data.uri}`;
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly panel: vscode.WebviewPanel,
    private data: ResultsData,
  ) {
    ResultsPanel.open.set(ResultsPanel.key(data), this);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'icon.png');
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'results', title(data));
    panel.webview.onDidReceiveMessage((message: FromView) => this.receive(message));
    panel.onDidDispose(() => ResultsPanel.open.delete(ResultsPanel.key(this.data)));
  }

  private update(data: ResultsData): void {
    this.data = data;
    this.panel.title = title(data);
    void this.post({ type: 'results', data });
  }

  private receive(message: FromView): void {
    if (message.type === 'ready') void this.post({ type: 'results', data: this.data });
    else if (message.type === 'save') void this.save(message.fileName, message.text);
  }

  private async post(message: ToView): Promise<void> {
    await this.panel.webview.postMessage(message);
  }

  private async save(fileName: string, text: string): Promise<void> {
    const source = vscode.Uri.parse(this.data.uri);
    const target = await vscode.window.showSaveDialog({ defaultUri: siblingUri(source, fileName), saveLabel: 'Export' });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const open = await vscode.window.showInformationMessage(`Exported ${target.path.split('/').at(-1)}.`, 'Open');
    if (open) await vscode.window.showTextDocument(target);
  }
}
