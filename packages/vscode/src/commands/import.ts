// Topo: Import spigo Architecture…, Import from Kubernetes Manifests…, Import from Traces…:
// what another tool knows of an architecture as a new Topo file beside it (the importers of
// @topo/interop, as `topo import` runs them), left unsaved for the user to review. What the
// input could not say is listed in the output channel.
import * as vscode from 'vscode';
import { checkSize, ImportError, type InputFile } from '@topo/interop/errors';
import { importedFileName, IMPORTERS, type ImportFormat } from '@topo/interop/import';
import { displayName, exists } from '../target.js';

/** The file picker's name for what each format reads. */
const PICKER_FILTERS: Record<ImportFormat, string> = {
  spigo: 'spigo architecture',
  kubernetes: 'Kubernetes and Istio manifests',
  traces: 'Zipkin or OTLP traces',
};

async function pickInputs(format: ImportFormat, arg: unknown): Promise<readonly vscode.Uri[]> {
  if (arg instanceof vscode.Uri) return [arg];
  const importer = IMPORTERS[format];
  const picked = await vscode.window.showOpenDialog({ canSelectMany: importer.many, filters: { [PICKER_FILTERS[format]]: importer.extensions }, openLabel: 'Import' });
  return picked ?? [];
}

/** The file as the importers take it, refused before it is read when it is too large. */
async function readInput(uri: vscode.Uri): Promise<InputFile> {
  checkSize(displayName(uri), (await vscode.workspace.fs.stat(uri)).size);
  return { name: displayName(uri), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
}

/** An untitled document that saves beside the input (`shop_arch.json` → `shop.topo`), unless that file exists. */
async function newDocument(source: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const target = vscode.Uri.joinPath(source, '..', importedFileName(displayName(source)));
  if (source.scheme !== 'file' || (await exists(target))) return vscode.workspace.openTextDocument({ language: 'topo', content: text });
  const document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  return vscode.languages.setTextDocumentLanguage(document, 'topo');
}

export async function importCommand(format: ImportFormat, output: vscode.OutputChannel, arg?: unknown): Promise<void> {
  const sources = await pickInputs(format, arg);
  if (sources.length === 0) return;
  const names = sources.map(displayName).join(', ');
  let imported;
  try {
    imported = IMPORTERS[format].run(await Promise.all(sources.map(readInput)));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    await vscode.window.showErrorMessage(error.message);
    return;
  }
  await vscode.window.showTextDocument(await newDocument(sources[0]!, imported.text));
  if (imported.warnings.length > 0) {
    output.appendLine(`Imported ${names}:`);
    for (const warning of imported.warnings) output.appendLine(`  ${warning}`);
    const show = await vscode.window.showWarningMessage(`Imported ${names} with ${imported.warnings.length} warning${imported.warnings.length === 1 ? '' : 's'}.`, 'Show');
    if (show) output.show();
  }
}
