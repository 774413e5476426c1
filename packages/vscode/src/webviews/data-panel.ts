// A panel that shows one piece of data the extension computed (a simulation run, a
// comparison): one panel per key (file and scenario), reused and updated when the same key
// is shown again. The view keeps the data in its state, so VS Code restores the panel after
// a reload with no request to the server.
import * as vscode from 'vscode';
import type { FromView, ToView } from '@topo/views/messages';
import type { ViewName } from '@topo/views/page';
import type { Topo } from '../context.js';
import { webviewHtml, webviewOptions } from './html.js';

export interface DataPanelKind<T> {
  viewType: string;
  view: Exclude<ViewName, 'report' | 'preview'>;
  title(data: T): string;
  key(data: T): string;
  message(data: T): ToView;
  /** What the view asks of the host beyond `ready` (say, saving a file it made). */
  receive?(message: FromView, data: T): void;
}

export class DataPanels<T> {
  private readonly open = new Map<string, DataPanel<T>>();

  constructor(private readonly kind: DataPanelKind<T>) {}

  show(topo: Topo, data: T): void {
    const existing = this.open.get(this.kind.key(data));
    if (existing) {
      existing.update(data);
      existing.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(this.kind.viewType, this.kind.title(data), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(topo.extensionUri));
    this.track(new DataPanel(this.kind, topo.extensionUri, panel, data));
  }

  /** A panel VS Code kept across a reload: its view shows the data from its own state. */
  revive(topo: Topo, panel: vscode.WebviewPanel, data: T): void {
    panel.webview.options = webviewOptions(topo.extensionUri);
    this.track(new DataPanel(this.kind, topo.extensionUri, panel, data));
  }

  private track(shown: DataPanel<T>): void {
    const key = this.kind.key(shown.data);
    this.open.set(key, shown);
    shown.panel.onDidDispose(() => this.open.delete(key));
  }
}

class DataPanel<T> {
  constructor(
    private readonly kind: DataPanelKind<T>,
    extensionUri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    public data: T,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'icon.png');
    panel.webview.html = webviewHtml(panel.webview, extensionUri, kind.view, kind.title(data));
    panel.webview.onDidReceiveMessage((message: FromView) => {
      if (message.type === 'ready') void this.post();
      else kind.receive?.(message, this.data);
    });
  }

  update(data: T): void {
    this.data = data;
    this.panel.title = this.kind.title(data);
    void this.post();
  }

  private async post(): Promise<void> {
    await this.panel.webview.postMessage(this.kind.message(this.data));
  }
}
