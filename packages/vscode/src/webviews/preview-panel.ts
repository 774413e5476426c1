// The preview beside the editor: one panel per file and mode. It pulls the diagram, the
// carbon estimate and the problem counts from the server when the panel opens, when the
// server says the file's model changed (after each rebuild, so as the user types) and when
// a setting changes; while the user types, a refresh waits for the typing to pause, and one
// under way stops at the next edit of its file (refresh-schedule.ts).
import * as vscode from 'vscode';
import { TopoRequests, type DiagramNodeSource, type DiagramResult, type GroupBy } from '@topo/language/protocol';
import type { FromView, PreviewData, PreviewMode, ToView } from '@topo/views/messages';
import { svgEdit } from '@topo/views/svg-edit';
import { request } from '../client.js';
import type { Topo } from '../context.js';
import { displayName } from '../target.js';
import { webviewHtml, webviewOptions } from './html.js';
import { Refresher, TypingPause } from './refresh-schedule.js';

export const PREVIEW_VIEW_TYPE = 'topo.preview';

function title(uri: vscode.Uri, mode: PreviewMode): string {
  return `${mode === 'carbon' ? 'Carbon' : 'Preview'}: ${displayName(uri)}`;
}

export class PreviewPanel {
  private static readonly open = new Map<string, PreviewPanel>();
  /** The edits of every Topo file: a file's model also changes with the files it imports. */
  private static readonly typing = new TypingPause();

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

  /** A Topo document was edited: a refresh of its previews under way shows a state typed past. */
  static edited(uri: string): void {
    PreviewPanel.typing.edited(Date.now());
    for (const preview of PreviewPanel.open.values()) if (preview.uri.toString() === uri) preview.refresher.stop();
  }

  /** The server rebuilt `uri`: previews of it refresh once the typing has paused. */
  static modelChanged(uri: string): void {
    const wait = PreviewPanel.typing.remaining(Date.now());
    for (const preview of PreviewPanel.open.values()) if (preview.uri.toString() === uri) preview.refresher.schedule(wait);
  }

  static refreshAll(): void {
    for (const preview of PreviewPanel.open.values()) preview.refresher.schedule(0);
  }

  /** The file of the preview that has the focus, for commands run from it. */
  static focused(): vscode.Uri | undefined {
    return [...PreviewPanel.open.values()].find((p) => p.panel.active)?.uri;
  }

  private static key(uri: vscode.Uri, mode: PreviewMode): string {
    return `${mode} ${uri.toString()}`;
  }

  private nodes: DiagramNodeSource[] = [];
  /** The picture the view has, whose successor goes as the part that changed (svg-edit.ts). */
  private shown: { version: number; svg: string } | undefined;
  private pictures = 0;
  private readonly refresher = new Refresher((signal) => this.refresh(signal));
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
      this.refresher.stop();
      PreviewPanel.open.delete(PreviewPanel.key(uri, mode));
    });
  }

  private receive(message: FromView): void {
    if (message.type === 'ready') {
      // A view that starts, or lost the picture an edit was made from, gets the next whole.
      this.shown = undefined;
      this.ready = true;
      this.refresher.schedule(0);
    } else if (message.type === 'reveal') void this.reveal(message.id);
  }

  /** Shows what the server has now; nothing once `signal` aborts, the answers then being stale. */
  private async refresh(signal: AbortSignal): Promise<void> {
    if (!this.ready) return;
    const cancellation = new vscode.CancellationTokenSource();
    const cancel = () => cancellation.cancel();
    signal.addEventListener('abort', cancel);
    try {
      const data = await this.fetch(cancellation.token);
      if (signal.aborted) return;
      this.nodes = data.diagram.nodes;
      // A picture the view did not get is no base for the next one's edit.
      if (!(await this.post(this.previewMessage(data)))) this.shown = undefined;
    } catch (error) {
      if (!signal.aborted) await this.post({ type: 'failed', message: `The preview could not be updated: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      signal.removeEventListener('abort', cancel);
      cancellation.dispose();
    }
  }

  private async fetch(token: vscode.CancellationToken): Promise<PreviewData> {
    await this.topo.ready;
    const { client } = this.topo;
    const config = vscode.workspace.getConfiguration('topo', this.uri);
    const uri = this.uri.toString();
    const [diagram, carbon, problems] = await Promise.all([
      this.mode === 'preview'
        ? request(client, TopoRequests.diagram, { uri, groupBy: config.get<GroupBy>('preview.groupBy') }, token)
        : Promise.resolve<DiagramResult>({ nodes: [] }),
      request(client, TopoRequests.carbon, { uri, utilization: config.get<number>('carbon.utilization') }, token),
      request(client, TopoRequests.problems, { uri }, token),
    ]);
    return { uri, name: displayName(this.uri), diagram, carbon, problems };
  }

  /** The preview's message: its picture whole, or as what changed from the one the view has. */
  private previewMessage(data: PreviewData): ToView {
    const { svg, ...rest } = data.diagram;
    if (svg === undefined) return { type: 'preview', mode: this.mode, data };
    const [shown, version] = [this.shown, ++this.pictures];
    this.shown = { version, svg };
    if (!shown) return { type: 'preview', mode: this.mode, data, picture: { version } };
    return { type: 'preview', mode: this.mode, data: { ...data, diagram: rest }, picture: { version, edit: svgEdit(shown.svg, svg, shown.version) } };
  }

  /** Whether the view got the message. */
  private async post(message: ToView): Promise<boolean> {
    return this.panel.webview.postMessage(message);
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
