// Dependency injection for the Topo language: Langium's defaults plus our scoping,
// validation, formatting and the model cache.
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import type { Module } from 'langium';
import { inject } from 'langium';
import { TopoGeneratedModule, TopoGeneratedSharedModule } from './generated/module.js';
import { TopoConfigs } from './config.js';
import { TopoDocumentValidator } from './document-validator.js';
import { TopoFormatter } from './formatter.js';
import { TopoCodeActionProvider } from './lsp/code-actions.js';
import { TopoCodeLensProvider } from './lsp/code-lens.js';
import { LastRuns } from './right-sizing.js';
import { TopoCompletionProvider } from './lsp/completion.js';
import { TopoHoverProvider } from './lsp/hover.js';
import { TopoSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { TopoModels } from './models.js';
import { TopoScopeComputation, TopoScopeProvider } from './scope.js';
import { TopoSettings } from './settings.js';
import { createTopoParser, TopoParserErrorMessages } from './syntax-errors.js';
import { workspaceRoots } from './validation/imports.js';
import { registerValidationChecks } from './validation/validator.js';

export interface TopoAddedServices {
  topo: {
    Models: TopoModels;
    Settings: TopoSettings;
    Configs: TopoConfigs;
    LastRuns: LastRuns;
  };
}

export type TopoServices = LangiumServices & TopoAddedServices;

export const TopoModule: Module<TopoServices, PartialLangiumServices & TopoAddedServices> = {
  topo: {
    Models: (services) => new TopoModels(services.shared, services.topo.Settings, services.topo.Configs),
    Settings: () => new TopoSettings(),
    Configs: (services) => new TopoConfigs(services.shared.workspace.FileSystemProvider, () => workspaceRoots(services)),
    LastRuns: () => new LastRuns(),
  },
  parser: {
    LangiumParser: (services) => createTopoParser(services),
    ParserErrorMessageProvider: () => new TopoParserErrorMessages(),
  },
  references: {
    ScopeComputation: (services) => new TopoScopeComputation(services),
    ScopeProvider: (services) => new TopoScopeProvider(services),
  },
  validation: {
    DocumentValidator: (services) => new TopoDocumentValidator(services, services.topo.Configs),
  },
  lsp: {
    Formatter: () => new TopoFormatter(),
    CompletionProvider: (services) => new TopoCompletionProvider(services),
    SemanticTokenProvider: (services) => new TopoSemanticTokenProvider(services),
    HoverProvider: (services) => new TopoHoverProvider(services.topo.Models, services.references.References),
    CodeLensProvider: (services) => new TopoCodeLensProvider(services.topo.Models, services.topo.LastRuns),
    CodeActionProvider: (services) => new TopoCodeActionProvider(services.topo.Models, services.topo.LastRuns),
  },
};

export function createTopoServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Topo: TopoServices } {
  const shared = inject(createDefaultSharedModule(context), TopoGeneratedSharedModule);
  const Topo = inject(createDefaultModule({ shared }), TopoGeneratedModule, TopoModule);
  shared.ServiceRegistry.register(Topo);
  registerValidationChecks(Topo);
  if (!context.connection) {
    // Without a language client nobody sends the configuration: mark it done.
    shared.workspace.ConfigurationProvider.initialized({});
  }
  return { shared, Topo };
}
