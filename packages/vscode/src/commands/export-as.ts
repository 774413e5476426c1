// Topo: Export As…: the architecture in another tool's format (a quick pick of `topo export`'s
// formats), written beside the file (`netflix.topo` → `netflix.mmd`) and opened. The server
// gives the model, refusing what `topo export` refuses; the exporters of @topo/interop run here.
import * as vscode from 'vscode';
import { EXPORT_FILES, EXPORT_FORMATS, exportModel, type ExportFormat } from '@topo/interop/export';
import { TopoRequests } from '@topo/language/protocol';
import { request } from '../client.js';
import type { Topo } from '../context.js';
import { displayName, exists, notOpen, siblingUri, topoUri } from '../target.js';
import { PreviewPanel } from '../webviews/preview-panel.js';

/** The format a caller passed, else the one picked. */
async function pickFormat(arg: unknown): Promise<ExportFormat | undefined> {
  const given = EXPORT_FORMATS.find((f) => f === arg);
  if (given) return given;
  const items = EXPORT_FORMATS.map((format) => ({ format, label: EXPORT_FILES[format].label, description: EXPORT_FILES[format].suffix, detail: EXPORT_FILES[format].detail }));
  return (await vscode.window.showQuickPick(items, { title: 'Export As', placeHolder: 'The format to export to' }))?.format;
}

async function replaceAllowed(target: vscode.Uri): Promise<boolean> {
  if (!(await exists(target))) return true;
  return (await vscode.window.showWarningMessage(`${displayName(target)} exists. Replace it?`, { modal: true }, 'Replace')) === 'Replace';
}

export async function exportAs(topo: Topo, uriArg?: unknown, formatArg?: unknown): Promise<void> {
  const uri = topoUri(uriArg, PreviewPanel.focused());
  if (!uri) return notOpen();
  const format = await pickFormat(formatArg);
  if (!format) return;
  await topo.ready;
  const answer = await request(topo.client, TopoRequests.model, { uri: uri.toString() });
  if (!answer.model) {
    await vscode.window.showErrorMessage(answer.message ?? `${displayName(uri)} cannot be exported.`);
    return;
  }
  // The Impact Framework manifest reproduces the carbon estimate the preview shows.
  const utilization = vscode.workspace.getConfiguration('topo', uri).get<number>('carbon.utilization');
  const text = exportModel(answer.model, format, { carbon: { utilization } });
  const target = siblingUri(uri, displayName(uri).replace(/\.topo$/, '') + EXPORT_FILES[format].suffix);
  if (!target) {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: text }));
    return;
  }
  if (!(await replaceAllowed(target))) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
}
