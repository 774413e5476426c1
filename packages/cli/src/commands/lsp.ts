// `topo lsp --stdio`: the language server for any LSP client (Neovim, Helix, JetBrains).
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startTopoServer } from '@topo/language/server';
import { UsageError, type Command, type OptionSpecs } from '../io.js';
import { parseCommandArgs } from '../options.js';
import { sweepWorkerUrl } from '../sweep-worker-url.js';

const OPTIONS = {
  stdio: { type: 'boolean', help: 'talk LSP over stdin and stdout (required)' },
} as const satisfies OptionSpecs;

export const lsp: Command = {
  usage: 'topo lsp --stdio',
  options: OPTIONS,
  async run(argv) {
    const { values } = parseCommandArgs(argv, OPTIONS);
    if (!values.stdio) throw new UsageError('only --stdio is supported: topo lsp --stdio');
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
    const workerUrl = sweepWorkerUrl();
    startTopoServer(connection, workerUrl ? { sweepWorkerUrl: workerUrl } : {});
    // The server runs until the client closes the connection.
    await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    return 0;
  },
};
