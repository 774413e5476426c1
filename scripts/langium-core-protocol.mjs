// What Langium's core (documents, their build, cancellation, events) imports of
// vscode-languageserver-protocol, for the CLI's bundle (scripts/build.mjs): the protocol takes
// these from vscode-jsonrpc, so they are the same objects, without the protocol's module,
// which defines every request and notification of the LSP when it loads.
export { CancellationToken, CancellationTokenSource, Emitter, ResponseError } from 'vscode-jsonrpc/node';

/** The two codes of the protocol's LSPErrorCodes that Langium's DocumentBuilder rejects with. */
export const LSPErrorCodes = { RequestFailed: -32803, ServerCancelled: -32802 };
