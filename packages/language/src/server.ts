// The language server: Langium's LSP over a connection, with Topo's settings and requests.
import './polyfill.js';
import type { Connection } from 'vscode-languageserver';
import { DocumentState } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createTopoServices } from './topo-module.js';
import { DEFAULT_LIMITS, type TopoLimits } from './settings.js';
import { registerTopoRequests, type ServerOptions } from './server-requests.js';

/** Editor settings `topo.validation.*` as the rules' limits. */
function limitsFrom(validation: Partial<TopoLimits> | undefined): TopoLimits {
  const pick = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
  return {
    maxRetryAmplification: pick(validation?.maxRetryAmplification, DEFAULT_LIMITS.maxRetryAmplification),
    maxFanOut: pick(validation?.maxFanOut, DEFAULT_LIMITS.maxFanOut),
  };
}

export function startTopoServer(connection: Connection, options: ServerOptions = {}): void {
  const { shared, Topo } = createTopoServices({ connection, ...NodeFileSystem });
  // Langium validates nothing in its first workspace build until a file is opened; the
  // files an open file imports hold its problems too, so every file is validated.
  shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
  const config = shared.workspace.ConfigurationProvider;
  config.onConfigurationSectionUpdate(async (update) => {
    if (update.section !== 'topo') return;
    Topo.topo.Settings.update(limitsFrom(update.configuration?.validation));
    // The limits changed: every document's model-level diagnostics are stale.
    const documents = shared.workspace.LangiumDocuments.all.toArray();
    for (const doc of documents) shared.workspace.DocumentBuilder.resetToState(doc, DocumentState.IndexedReferences);
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
  });
  void config.ready.then(async () => Topo.topo.Settings.update(limitsFrom(await config.getConfiguration('topo', 'validation'))));
  registerTopoRequests(connection, shared, Topo, options);
  startLanguageServer(shared);
}
