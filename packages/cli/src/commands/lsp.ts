// `topo lsp --stdio`: the language server for any LSP client (Neovim, Helix, JetBrains).
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startTopoServer } from '@topo/language/server';
import { UsageError, type Command } from '../io.js';
import { parseCommandArgs } from '../options.js';
import { sweepWorkerUrl } from '../sweep-worker-url.js';

export const lsp: Command = {
  usage: 'topo lsp --stdio',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { stdio: { type: 'boolean' } });
    if (!values.stdio) throw new UsageError('only --stdio is supported: topo lsp --stdio');
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
    const workerUrl = sweepWorkerUrl();
    startTopoServer(connection, workerUrl ? { sweepWorkerUrl: workerUrl } : {});
    // The server runs until the client closes the connection.
    await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    return 0;
  },
};
