// The language server: Langium's LSP over a connection, with Topo's settings and requests.
import './polyfill.js';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { DocumentState } from 'langium';
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { CONFIG_FILE, type ConfigFile } from './config.js';
import { createTopoLspServices } from './topo-lsp-module.js';
import { DEFAULT_LIMITS, type TopoLimits } from './settings.js';
import { registerTopoRequests, type ServerOptions } from './server-requests.js';

/** Editor settings `topo.validation.*`: the limits the user set (unset ones are null). */
function limitsFrom(validation: Partial<Record<keyof TopoLimits, unknown>> | undefined): Partial<TopoLimits> {
  const keys = Object.keys(DEFAULT_LIMITS) as (keyof TopoLimits)[];
  return Object.fromEntries(keys.flatMap((k) => (typeof validation?.[k] === 'number' && validation[k] > 0 ? [[k, validation[k]]] : [])));
}

/** Validates every document again: the limits, or the topo.json files, changed. */
async function revalidateAll(shared: LangiumSharedServices): Promise<void> {
  const builder = shared.workspace.DocumentBuilder;
  await shared.workspace.WorkspaceLock.write(async (token) => {
    const documents = shared.workspace.LangiumDocuments.all.toArray();
    for (const doc of documents) builder.resetToState(doc, DocumentState.IndexedReferences);
    await builder.build(documents, { validation: true }, token);
  });
}

/** A topo.json's problems as the diagnostics of that file. */
function publishConfigProblems(connection: Connection, file: ConfigFile): void {
  const diagnostics = file.problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Error, source: 'topo', message: p.message }));
  void connection.sendDiagnostics({ uri: file.uri, diagnostics });
}

export function startTopoServer(connection: Connection, options: ServerOptions = {}): void {
  const { shared, Topo } = createTopoLspServices({ connection, ...NodeFileSystem });
  // Langium validates nothing in its first workspace build until a file is opened; the
  // files an open file imports hold its problems too, so every file is validated.
  shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
  const config = shared.workspace.ConfigurationProvider;
  config.onConfigurationSectionUpdate(async (update) => {
    if (update.section !== 'topo') return;
    Topo.topo.Settings.update(limitsFrom(update.configuration?.validation));
    await revalidateAll(shared);
  });
  // A topo.json created, changed or deleted: read them again and validate everything.
  const configs = Topo.topo.Configs;
  configs.onRead = (file) => publishConfigProblems(connection, file);
  shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(async ({ changes }) => {
    if (!changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`))) return;
    for (const file of configs.clear()) publishConfigProblems(connection, { ...file, problems: [] });
    await revalidateAll(shared);
  });
  void config.ready.then(async () => {
    const limits = limitsFrom(await config.getConfiguration('topo', 'validation'));
    Topo.topo.Settings.update(limits);
    // The first build may have run before the settings came: it used none.
    if (Object.keys(limits).length > 0) await revalidateAll(shared);
  });
  registerTopoRequests(connection, shared, Topo, options);
  startLanguageServer(shared);
}
