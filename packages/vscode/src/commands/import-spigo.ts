// Topo: Import spigo Architecture…: a spigo/simianviz architecture (JSON) as a new Topo
// file beside it, left unsaved for the user to review. What the JSON could not say is
// listed in the output channel.
import * as vscode from 'vscode';
// The importer: pure functions, bundled into the extension.
import { importSpigo, parseSpigoJson, SpigoImportError } from '@topo/interop/spigo';
import { displayName } from '../target.js';

async function pickJson(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'spigo architecture': ['json'] }, openLabel: 'Import' });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** An untitled document that saves beside the JSON (`shop_arch.json` → `shop.topo`), unless that file exists. */
async function newDocument(source: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const target = vscode.Uri.joinPath(source, '..', displayName(source).replace(/(_arch)?\.json$/i, '') + '.topo');
  if (source.scheme !== 'file' || (await exists(target))) return vscode.workspace.openTextDocument({ language: 'topo', content: text });
  const document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  return vscode.languages.setTextDocumentLanguage(document, 'topo');
}

export async function importSpigoCommand(output: vscode.OutputChannel, arg?: unknown): Promise<void> {
  const source = await pickJson(arg);
  if (!source) return;
  const json = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
  let imported;
  try {
    imported = importSpigo(parseSpigoJson(json), { fileName: displayName(source) });
  } catch (error) {
    if (!(error instanceof SpigoImportError)) throw error;
    await vscode.window.showErrorMessage(`${displayName(source)}: ${error.message}`);
    return;
  }
  await vscode.window.showTextDocument(await newDocument(source, imported.text));
  if (imported.warnings.length > 0) {
    output.appendLine(`Imported ${displayName(source)}:`);
    for (const warning of imported.warnings) output.appendLine(`  ${warning}`);
    const show = await vscode.window.showWarningMessage(
      `Imported ${displayName(source)} with ${imported.warnings.length} warning${imported.warnings.length === 1 ? '' : 's'}.`,
      'Show',
    );
    if (show) output.show();
  }
}
