// What the commands and panels share: the language client and where the extension lives.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface Topo {
  client: LanguageClient;
  /** Resolves once the server has started; requests wait for it. */
  ready: Promise<void>;
  extensionUri: vscode.Uri;
}
