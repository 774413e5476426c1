// Which .topo file a command is about: the one a code lens or a menu passed, else the
// active editor's, else the file of the focused preview, else a visible Topo editor.
import * as vscode from 'vscode';

export function topoUri(arg: unknown, focusedPreview?: vscode.Uri): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return vscode.Uri.parse(arg);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'topo') return active.uri;
  if (focusedPreview) return focusedPreview;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'topo')?.document.uri;
}

/** The file's name as headings show it: `netflix.topo`, or `Untitled-1`. */
export function displayName(uri: vscode.Uri): string {
  return uri.path.split('/').at(-1) ?? uri.toString();
}

/** Where to offer saving a file made from `uri`: beside it, or in the first workspace folder. */
export function siblingUri(uri: vscode.Uri, fileName: string): vscode.Uri | undefined {
  if (uri.scheme === 'file') return vscode.Uri.joinPath(uri, '..', fileName);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, fileName);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function notOpen(): Promise<void> {
  await vscode.window.showWarningMessage('Open a .topo file first.');
}
