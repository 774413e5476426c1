// A webview's page: the views' bundle (packages/views) from the extension's dist/views, a
// fresh nonce, and a policy that loads nothing else.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { pageHtml, VIEWS_SCRIPT, VIEWS_STYLE, type ViewName } from '@topo/views/page';

export function viewsFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'views');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [viewsFolder(extensionUri)] };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, view: Exclude<ViewName, 'report'>, title: string): string {
  const folder = viewsFolder(extensionUri);
  return pageHtml({
    title,
    view,
    nonce: randomBytes(16).toString('base64'),
    sources: {
      scriptUrl: webview.asWebviewUri(vscode.Uri.joinPath(folder, VIEWS_SCRIPT)).toString(),
      styleUrl: webview.asWebviewUri(vscode.Uri.joinPath(folder, VIEWS_STYLE)).toString(),
      cspSource: webview.cspSource,
    },
  });
}
