// Topo: Export Diagram as SVG…: the preview's picture as a file. Its colours are CSS
// variables with light and dark defaults, so it follows the colour scheme where it is shown.
import * as vscode from 'vscode';
import { TopoRequests, type GroupBy } from '@topo/language/protocol';
import { request } from '../client.js';
import type { Topo } from '../context.js';
import { displayName, notOpen, siblingUri, topoUri } from '../target.js';
import { PreviewPanel } from '../webviews/preview-panel.js';

export async function exportSvg(topo: Topo, uriArg?: unknown): Promise<void> {
  const uri = topoUri(uriArg, PreviewPanel.focused());
  if (!uri) return notOpen();
  await topo.ready;
  const groupBy = vscode.workspace.getConfiguration('topo', uri).get<GroupBy>('preview.groupBy');
  const diagram = await request(topo.client, TopoRequests.diagram, { uri: uri.toString(), groupBy });
  if (!diagram.svg) {
    await vscode.window.showErrorMessage(diagram.message ?? `${displayName(uri)} cannot be drawn.`);
    return;
  }
  const name = displayName(uri).replace(/\.topo$/, '') + '.svg';
  const target = await vscode.window.showSaveDialog({ defaultUri: siblingUri(uri, name), filters: { SVG: ['svg'] }, saveLabel: 'Export' });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(diagram.svg));
  void vscode.window.showInformationMessage(`Exported the diagram to ${displayName(target)}.`);
}
