// Topo: New Architecture File: an untitled Topo file from the template, its names snippet
// placeholders (Tab moves between them).
import * as vscode from 'vscode';
import { TEMPLATE } from './template.js';

export async function newArchitectureFile(): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ language: 'topo', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(TEMPLATE));
}
