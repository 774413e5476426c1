// Registers every check of the language with Langium. Each check is a small function in
// its own module; model-level rules (budgets, coupling, availability, petals) run once per
// document over the plain model of the file and its imports. All are registered on the
// file, which walks its nodes and calls their checks directly (checkNodes): Langium's walk
// looks the checks up, wraps each in promises and awaits it, at every node, which on a file
// of 10,000 services costs more than the checks (TopoDocumentValidator runs only the file's).
import type { AstNode, Cancellation, LangiumCoreServices, ValidationAcceptor } from 'langium';
import { AstUtils, interruptAndCheck } from 'langium';
import type { TopoAstType, TopoFile } from '../generated/ast.js';
import type { TopoModels } from '../models.js';
import { checkAutoscale, checkLock, checkUsers } from './capacity.js';
import { checkChaos } from './chaos.js';
import { checkDuplicateNames, checkRepeatedProperties, checkSingleArchitecture } from './declarations.js';
import { checkImport, type WorkspaceServices } from './imports.js';
import { checkModel } from './model-rules.js';
import { checkCallResilience, checkQueue } from './resilience.js';

/** What the checks read beyond Langium's services: the settings (for imports) and the models. */
type CheckServices = LangiumCoreServices & WorkspaceServices & { readonly topo: { readonly Models: TopoModels } };

type NodeChecks = { [K in keyof TopoAstType]?: ((node: TopoAstType[K], accept: ValidationAcceptor) => void) | ((node: TopoAstType[K], accept: ValidationAcceptor) => void)[] };

export function registerValidationChecks(services: CheckServices): void {
  const documents = services.shared.workspace.LangiumDocuments;
  const nodeChecks: NodeChecks = {
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
  services.validation.ValidationRegistry.register({
    TopoFile: [checkSingleArchitecture, checkDuplicateNames(documents), checkModel(services.topo.Models), checkNodes(services, nodeChecks)],
  });
}

type NodeCheck = (node: AstNode, accept: ValidationAcceptor) => void;

/** Runs the checks of every node in the file, those registered on a node's type or a supertype of it (Chaos). */
function checkNodes(services: LangiumCoreServices, checks: NodeChecks) {
  const reflection = services.shared.AstReflection;
  const byType = new Map<string, NodeCheck[]>();
  const checksOf = (type: string): NodeCheck[] => {
    let list = byType.get(type);
    if (!list) {
      list = Object.entries(checks).flatMap(([key, c]) => (reflection.isSubtype(type, key) ? ([] as NodeCheck[]).concat(c as NodeCheck | NodeCheck[]) : []));
      byType.set(type, list);
    }
    return list;
  };
  return async (root: TopoFile, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> => {
    for (const node of AstUtils.streamAst(root)) {
      // As in Langium's walk: a new edit cancels the validation of the file between two nodes.
      await interruptAndCheck(cancelToken);
      for (const check of checksOf(node.$type)) check(node, accept);
    }
  };
}
