// Registers every check of the language with Langium. Each check is a small function in
// its own module; model-level rules (budgets, coupling, availability, petals) run once per
// document over the plain model of the file and its imports.
import type { ValidationChecks } from 'langium';
import type { TopoAstType } from '../generated/ast.js';
import type { TopoServices } from '../topo-module.js';
import { checkAutoscale, checkLock, checkUsers } from './capacity.js';
import { checkChaos } from './chaos.js';
import { checkDuplicateNames, checkRepeatedProperties, checkSingleArchitecture } from './declarations.js';
import { checkImport } from './imports.js';
import { checkModel } from './model-rules.js';
import { checkCallResilience, checkQueue } from './resilience.js';

export function registerValidationChecks(services: TopoServices): void {
  const registry = services.validation.ValidationRegistry;
  const documents = services.shared.workspace.LangiumDocuments;
  const checks: ValidationChecks<TopoAstType> = {
    TopoFile: [checkSingleArchitecture, checkDuplicateNames(documents), checkModel(services)],
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
