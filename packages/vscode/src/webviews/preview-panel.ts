// The preview beside the editor: one panel per file and mode. It pulls the diagram, the
// carbon estimate and the problem counts from the server when the panel opens, when the
// server says the file's model changed (after each rebuild, so as the user types) and when
// a setting changes; pushes come in bursts while typing, so a refresh waits for a short
// quiet spell, and never runs twice at once.
import * as vscode from 'vscode';
import { TopoRequests, type DiagramNodeSource, type DiagramResult, type GroupBy } from '@topo/language/protocol';
import type { FromView, PreviewData, PreviewMode, ToView } from '@topo/views/messages';
import { request } from '../client.js';
import type { Topo } from '../context.js';
import { displayName } from '../target.js';
import { webviewHtml, webviewOptions } from './html.js';

export const PREVIEW_VIEW_TYPE = 'topo.preview';

/** Quiet time after the last model change before the preview asks again. */
const QUIET_MS = 120;

function title(uri: vscode.Uri, mode: PreviewMode): string {
  return `${mode === 'carbon' ? 'Carbon' : 'Preview'}: ${displayName(uri)}`;
}

export class PreviewPanel {
  private static readonly open = new Map<string, PreviewPanel>();

  /** Opens (or reveals) the preview of `uri` beside the editor. */
  static show(topo: Topo, uri: vscode.Uri, mode: PreviewMode): void {
    const existing = PreviewPanel.open.get(PreviewPanel.key(uri, mode));
    if (existing) {
      existing.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      title(uri, mode),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(topo.extensionUri),
    );
    new PreviewPanel(topo, panel, uri, mode);
  }

  /** A panel VS Code kept across a reload, with the state its view saved. */
  static revive(topo: Topo, panel: vscode.WebviewPanel, uri: vscode.Uri, mode: PreviewMode): void {
    panel.webview.options = webviewOptions(topo.extensionUri);
    new PreviewPanel(topo, panel, uri, mode);
  }

  /** The server rebuilt `uri`: previews of it refresh after a quiet spell. */
  static modelChanged(uri: string): void {
    for (const preview of PreviewPanel.open.values()) if (preview.uri.toString() === uri) preview.schedule(QUIET_MS);
  }

  static refreshAll(): void {
    for (const preview of PreviewPanel.open.values()) preview.schedule(0);
  }

  /** The file of the preview that has the focus, for commands run from it. */
  static focused(): vscode.Uri | undefined {
    return [...PreviewPanel.open.values()].find((p) => p.panel.active)?.uri;
  }

  private static key(uri: vscode.Uri, mode: PreviewMode): string {
    return `${mode} ${uri.toString()}`;
  }

  private nodes: DiagramNodeSource[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private ready = false;

  private constructor(
    private readonly topo: Topo,
    private readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly mode: PreviewMode,
  ) {
    PreviewPanel.open.set(PreviewPanel.key(uri, mode), this);
    panel.iconPath = vscode.Uri.joinPath(topo.extensionUri, 'icon.png');
    panel.webview.html = webviewHtml(panel.webview, topo.extensionUri, 'preview', title(uri, mode));
    panel.webview.onDidReceiveMessage((message: FromView) => this.receive(message));
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      PreviewPanel.open.delete(PreviewPanel.key(uri, mode));
    });
  }

  private receive(message: FromView): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.schedule(0);
    } else if (message.type === 'reveal') void this.reveal(message.id);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private async refresh(): Promise<void> {
    if (!this.ready) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      const data = await this.fetch();
      await this.post({ type: 'preview', mode: this.mode, data });
    } catch (error) {
      await this.post({ type: 'failed', message: `The preview could not be updated: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    }
  }

  private async fetch(): Promise<PreviewData> {
    await this.topo.ready;
    const { client } = this.topo;
    const config = vscode.workspace.getConfiguration('topo', this.uri);
    const uri = this.uri.toString();
    const [diagram, carbon, problems] = await Promise.all([
      this.mode === 'preview'
        ? request(client, TopoRequests.diagram, { uri, groupBy: config.get<GroupBy>('preview.groupBy') })
        : Promise.resolve<DiagramResult>({ nodes: [] }),
      request(client, TopoRequests.carbon, { uri, utilization: config.get<number>('carbon.utilization') }),
      request(client, TopoRequests.problems, { uri }),
    ]);
    this.nodes = diagram.nodes;
    return { uri, name: displayName(this.uri), diagram, carbon, problems };
  }

  private async post(message: ToView): Promise<void> {
    await this.panel.webview.postMessage(message);
  }

  /** Shows the declaration of a clicked node in the editor beside the preview. */
  private async reveal(id: string): Promise<void> {
    const node = this.nodes.find((n) => n.id === id);
    if (!node) return;
    const position = new vscode.Position(node.line, node.character);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === node.uri);
    await vscode.window.showTextDocument(vscode.Uri.parse(node.uri), {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }
}
