// The language client: starts the bundled server (dist/server.mjs) as a Node process over
// IPC for every `topo` document, saved or untitled. Settings under `topo.*` reach the
// server through workspace/configuration; `topo.trace.server` traces the traffic.
import * as vscode from 'vscode';
import { LanguageClient, LSPErrorCodes, ResponseError, TransportKind, type LanguageClientOptions, type RequestParam, type RequestType, type ServerOptions } from 'vscode-languageclient/node';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // "Attach to Topo language server" in .vscode/launch.json listens on this port.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'topo' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.topo') },
  };
  return new LanguageClient('topo', 'Topo Language Server', serverOptions, clientOptions);
}

const RETRY_MS = 200;
const RETRY_FOR_MS = 10_000;

/**
 * Sends one of Topo's requests (protocol.ts). A server still loading the document answers
 * ServerCancelled, which LSP defines as "try again": so it is sent again, for a while.
 */
export async function request<P, R>(client: LanguageClient, type: RequestType<P, R, void>, params: RequestParam<P>, token?: vscode.CancellationToken): Promise<R> {
  const deadline = Date.now() + RETRY_FOR_MS;
  for (;;) {
    try {
      return await client.sendRequest(type, params, token);
    } catch (error) {
      const again = error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled && !token?.isCancellationRequested;
      if (!again || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
