// The language server's services: the language's (topo-module.ts) with Langium's LSP and the
// editor's features: formatting, completion, highlighting, hover, definition, code lenses and actions,
// and the last run of each document they show.
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { inject, type Module } from 'langium';
import { TopoGeneratedModule, TopoGeneratedSharedModule } from './generated/module.js';
import { TopoFormatter } from './formatter.js';
import { TopoCodeActionProvider } from './lsp/code-actions.js';
import { TopoCodeLensProvider } from './lsp/code-lens.js';
import { TopoCompletionProvider } from './lsp/completion.js';
import { TopoDefinitionProvider } from './lsp/definition.js';
import { TopoHoverProvider } from './lsp/hover.js';
import { TopoNodeKindProvider } from './lsp/node-kinds.js';
import { TopoRenameProvider } from './lsp/rename.js';
import { TopoSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { LastRuns } from './right-sizing.js';
import { registerTopo, TopoModule, TopoSharedModule, type TopoServices } from './topo-module.js';

export interface TopoLspAddedServices {
  topo: {
    LastRuns: LastRuns;
  };
}

export type TopoLspServices = LangiumServices & TopoServices & TopoLspAddedServices;

export const TopoLspModule: Module<TopoLspServices, PartialLangiumServices & TopoLspAddedServices> = {
  topo: {
    LastRuns: () => new LastRuns(),
  },
  lsp: {
    Formatter: () => new TopoFormatter(),
    CompletionProvider: (services) => new TopoCompletionProvider(services),
    SemanticTokenProvider: (services) => new TopoSemanticTokenProvider(services),
    HoverProvider: (services) => new TopoHoverProvider(services.topo.Models, services.references.References),
    CodeLensProvider: (services) => new TopoCodeLensProvider(services.topo.Models, services.topo.LastRuns),
    CodeActionProvider: (services) => new TopoCodeActionProvider(services.topo.Models, services.topo.LastRuns),
    RenameProvider: (services) => new TopoRenameProvider(services),
    DefinitionProvider: (services) => new TopoDefinitionProvider(services),
  },
};

/** The editor's services all languages share: how declarations are shown in the outline and in completion. */
const TopoLspSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
  lsp: {
    NodeKindProvider: () => new TopoNodeKindProvider(),
  },
};

/** The language with the editor's features, for the language server (and tests of those features). */
export function createTopoLspServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Topo: TopoLspServices } {
  const shared = inject(createDefaultSharedModule(context), TopoGeneratedSharedModule, TopoSharedModule, TopoLspSharedModule);
  const Topo = registerTopo(inject(createDefaultModule({ shared }), TopoGeneratedModule, TopoModule, TopoLspModule), context.connection !== undefined);
  return { shared, Topo };
}
