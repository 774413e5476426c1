// Registers every check of the language with Langium. Each check is a small function in
// its own module; model-level rules (budgets, coupling, availability, petals) run once per
// document over the plain model of the file and its imports.
import type { LangiumCoreServices, ValidationChecks } from 'langium';
import type { TopoAstType } from '../generated/ast.js';
import type { TopoModels } from '../models.js';
import { checkAutoscale, checkLock, checkUsers } from './capacity.js';
import { checkChaos } from './chaos.js';
import { checkDuplicateNames, checkRepeatedProperties, checkSingleArchitecture } from './declarations.js';
import { checkImport, type WorkspaceServices } from './imports.js';
import { checkModel } from './model-rules.js';
import { checkCallResilience, checkQueue } from './resilience.js';

/** What the checks read beyond Langium's services: the settings (for imports) and the models. */
type CheckServices = LangiumCoreServices & WorkspaceServices & { readonly topo: { readonly Models: TopoModels } };

export function registerValidationChecks(services: CheckServices): void {
  const registry = services.validation.ValidationRegistry;
  const documents = services.shared.workspace.LangiumDocuments;
  const checks: ValidationChecks<TopoAstType> = {
    TopoFile: [checkSingleArchitecture, checkDuplicateNames(documents), checkModel(services.topo.Models)],
    Import: checkImport(services),
    Region: checkRepeatedProperties,
    Network: checkRepeatedProperties,
    Service: [checkRepeatedProperties, checkQueue, checkLock],
    Datastore: [checkRepeatedProperties, checkQueue, checkLock],
    Cache: [checkRepeatedProperties, checkQueue, checkLock],
    Autoscale: checkAutoscale,
    Users: checkUsers,
    Call: [checkRepeatedProperties, checkCallResilience],
    Route: [checkRepeatedProperties, checkCallResilience],
    Petal: checkRepeatedProperties,
    Scenario: checkRepeatedProperties,
    Chaos: checkChaos,
  };
  registry.register(checks);
}
