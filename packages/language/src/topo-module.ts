// Dependency injection for the Topo language: Langium's core services plus our parsing,
// scoping, validation and the model cache; all a check needs. The editor's features are
// added by topo-lsp-module.ts, which only the server loads: the CLI never reads Langium's
// LSP nor vscode-languageserver.
import type { DefaultSharedCoreModuleContext, LangiumCoreServices, LangiumSharedCoreServices, Module, PartialLangiumCoreServices, PartialLangiumSharedCoreServices, ReferenceDescriptionProvider } from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, inject } from 'langium';
import { TopoGeneratedModule, TopoGeneratedSharedModule } from './generated/module.js';
import { TopoConfigs } from './config.js';
import { TopoDocumentBuilder } from './document-builder.js';
import { TopoDocumentFactory } from './document-factory.js';
import { TopoDocumentValidator } from './document-validator.js';
import { TopoIndexManager, TopoReferenceDescriptionProvider } from './index-manager.js';
import { TopoModels } from './models.js';
import { TopoScopeComputation, TopoScopeProvider } from './scope.js';
import { TopoServiceRegistry } from './service-registry.js';
import { TopoSettings } from './settings.js';
import { createTopoParser, TopoLexerErrorMessages, TopoParserErrorMessages } from './syntax-errors.js';
import { TopoTokenBuilder } from './token-builder.js';
import { workspaceRoots } from './validation/imports.js';
import { registerValidationChecks } from './validation/validator.js';

export interface TopoAddedServices {
  topo: {
    Models: TopoModels;
    Settings: TopoSettings;
    Configs: TopoConfigs;
  };
}

export type TopoServices = LangiumCoreServices & TopoAddedServices;

export const TopoModule: Module<TopoServices, PartialLangiumCoreServices & TopoAddedServices> = {
  topo: {
    Models: (services) => new TopoModels(services.shared, services.topo.Settings, services.topo.Configs),
    Settings: () => new TopoSettings(),
    Configs: (services) => new TopoConfigs(services.shared.workspace.FileSystemProvider, () => workspaceRoots(services)),
  },
  parser: {
    LangiumParser: (services) => createTopoParser(services),
    ParserErrorMessageProvider: () => new TopoParserErrorMessages(),
    LexerErrorMessageProvider: () => new TopoLexerErrorMessages(),
    TokenBuilder: () => new TopoTokenBuilder(),
  },
  references: {
    ScopeComputation: (services) => new TopoScopeComputation(services),
    ScopeProvider: (services) => new TopoScopeProvider(services),
  },
  validation: {
    DocumentValidator: (services) => new TopoDocumentValidator(services, services.topo.Configs),
  },
  workspace: {
    ReferenceDescriptionProvider: (services) => new TopoReferenceDescriptionProvider(services),
  },
};

/**
 * The services all Topo languages share: rebuilding what imports a changed file
 * (document-builder.ts), parsing again only what an edit touched (document-factory.ts),
 * describing references when a query needs them (index-manager.ts), and reading a file
 * of any name as Topo (service-registry.ts).
 */
export const TopoSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
  ServiceRegistry: (shared) => new TopoServiceRegistry(shared),
  workspace: {
    DocumentBuilder: (shared) => new TopoDocumentBuilder(shared),
    LangiumDocumentFactory: (shared) => new TopoDocumentFactory(shared),
    IndexManager: (shared) => new TopoIndexManager(shared),
  },
};

/**
 * For documents built once (load.ts): no index of the references between them, which only
 * finding references, renaming and rebuilding what an edit affects read (some 6% of the time
 * of checking 1,000 services).
 */
const OneBuildModule: Module<TopoServices, PartialLangiumCoreServices> = {
  workspace: {
    ReferenceDescriptionProvider: (): ReferenceDescriptionProvider => ({ createDescriptions: async () => [] }),
  },
};

/** The language without an editor: the CLI's, the tests' and the benchmarks'. `oneBuild`: see OneBuildModule. */
export function createTopoServices(context: DefaultSharedCoreModuleContext, { oneBuild = false } = {}): { shared: LangiumSharedCoreServices; Topo: TopoServices } {
  const shared = inject(createDefaultSharedCoreModule(context), TopoGeneratedSharedModule, TopoSharedModule);
  const Topo = registerTopo(inject(createDefaultCoreModule({ shared }), TopoGeneratedModule, TopoModule, oneBuild ? OneBuildModule : {}), false);
  return { shared, Topo };
}

/** Registers services built on TopoModule with their shared services, and their checks. */
export function registerTopo<T extends TopoServices>(Topo: T, connected: boolean): T {
  Topo.shared.ServiceRegistry.register(Topo);
  registerValidationChecks(Topo);
  // Without a language client nobody sends the configuration: mark it done.
  if (!connected) Topo.shared.workspace.ConfigurationProvider.initialized({});
  return Topo;
}
