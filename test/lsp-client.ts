// A minimal LSP client for tests: starts `topo lsp --stdio` as a child process and talks
// JSON-RPC to it, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const TOPO_BIN = join(import.meta.dirname, '../packages/cli/dist/topo.js');

/** Whether a process's memory can be read (`/proc`, Linux only). */
export const CAN_READ_RSS = existsSync('/proc/self/status');

/** A process's resident memory in MB, from `/proc/<pid>/status` (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, { version: number | undefined; list: Diagnostic[] }>();
  private readonly waiters: (() => void)[] = [];
  /** How the server process ended, once it has (out of memory, a crash, `close`). */
  private ended: string | undefined;
  stderr = '';

  /**
   * `settings` answers the server's workspace/configuration requests, by section (`topo`);
   * `nodeArgs` are Node's options for the server process (`--max-old-space-size=400`).
   */
  constructor(
    private readonly rootUri: string,
    settings: Record<string, unknown> = {},
    nodeArgs: readonly string[] = [],
  ) {
    this.process = spawn(process.execPath, [...nodeArgs, TOPO_BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.process.on('exit', (code, signal) => {
      this.ended = `the server exited (${signal ?? `code ${code}`})`;
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, { version: p.version, list: p.diagnostics });
      this.waiters.splice(0).forEach((w) => w());
    });
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => settings[i.section ?? ''] ?? null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.rootUri,
      workspaceFolders: [{ uri: this.rootUri, name: 'ws' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the diagnostics of a document once they satisfy the predicate. */
  async diagnosticsOf(uri: string, until: (list: Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && until(current.list)) return current.list;
      if (this.ended) throw new Error(`${this.ended} before the diagnostics of ${uri} matched`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`diagnostics of ${uri} never matched; last: ${JSON.stringify(current?.list.map((d) => d.code))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }

  get pid(): number | undefined {
    return this.process.pid;
  }
}
