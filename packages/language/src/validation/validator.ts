// Registers every check of the language with Langium. Each check is a small function in
// its own module; model-level rules (budgets, coupling, availability, petals) run once per
// document over the plain model of the file and its imports. All are registered on the
// file, which walks its nodes and calls their checks directly (checkNodes): Langium's walk
// looks the checks up, wraps each in promises and awaits it, at every node, which on a file
// of 10,000 services costs more than the checks (TopoDocumentValidator runs only the file's).
// A declaration an edit left as it was reports again what it reported (checkNodes).
import type { AstNode, Cancellation, LangiumCoreServices, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { AstUtils, interruptAndCheck } from 'langium';
import type { TopoAstType, TopoFile } from '../generated/ast.js';
import type { TopoModels } from '../models.js';
import { checkAutoscale, checkLock, checkUsers } from './capacity.js';
import { checkChaos } from './chaos.js';
import { checkScenario } from './scenario.js';
import { checkDuplicateNames, checkRepeatedProperties, checkSingleArchitecture } from './declarations.js';
import { checkImport, type WorkspaceServices } from './imports.js';
import { checkModel } from './model-rules.js';
import { checkCallResilience, checkQueue } from './resilience.js';

/** What the checks read beyond Langium's services: the settings (for imports) and the models. */
type CheckServices = LangiumCoreServices & WorkspaceServices & { readonly topo: { readonly Models: TopoModels } };

type NodeChecks = { [K in keyof TopoAstType]?: ((node: TopoAstType[K], accept: ValidationAcceptor) => void) | ((node: TopoAstType[K], accept: ValidationAcceptor) => void)[] };

export function registerValidationChecks(services: CheckServices): void {
  const documents = services.shared.workspace.LangiumDocuments;
  // Checks that read only the node's own text.
  const ownChecks: NodeChecks = {
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
    Scenario: [checkRepeatedProperties, checkScenario],
  };
  // Checks that read other files, or what a reference resolves to.
  const linkedChecks: NodeChecks = {
    Import: checkImport(services),
    Chaos: checkChaos,
  };
  services.validation.ValidationRegistry.register({
    TopoFile: [checkSingleArchitecture, checkDuplicateNames(documents), checkModel(services.topo.Models), checkNodes(services, ownChecks, linkedChecks)],
  });
}

type NodeCheck = (node: AstNode, accept: ValidationAcceptor) => void;
type Accepted = Parameters<ValidationAcceptor>;

/** What a declaration's own checks reported, and where it started then. */
interface Reported {
  line: number;
  character: number;
  accepted: Accepted[];
}

/**
 * Runs the checks of every node in the file, those registered on a node's type or a supertype
 * of it (Chaos). A declaration whose nodes have only checks of their own text reports what it
 * reported last time while an incremental parse keeps its node and it has moved, if at all, by
 * whole lines.
 */
function checkNodes(services: LangiumCoreServices, ownChecks: NodeChecks, linkedChecks: NodeChecks) {
  const reflection = services.shared.AstReflection;
  const byType = new Map<string, { checks: NodeCheck[]; linked: boolean }>();
  const matching = (checks: NodeChecks, type: string): NodeCheck[] =>
    Object.entries(checks).flatMap(([key, c]) => (reflection.isSubtype(type, key) ? ([] as NodeCheck[]).concat(c as NodeCheck | NodeCheck[]) : []));
  const checksOf = (type: string) => {
    let entry = byType.get(type);
    if (!entry) {
      const linked = matching(linkedChecks, type);
      byType.set(type, (entry = { checks: [...matching(ownChecks, type), ...linked], linked: linked.length > 0 }));
    }
    return entry;
  };
  const reported = new WeakMap<AstNode, Reported>();
  return async (root: TopoFile, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> => {
    for (const declaration of root.elements) {
      // As in Langium's walk: a new edit cancels the validation of the file between two declarations.
      await interruptAndCheck(cancelToken);
      const start = declaration.$cstNode?.range.start;
      const last = reported.get(declaration);
      if (last && start && last.character === start.character) {
        const now = start.line === last.line ? last : movedTo(last, start.line);
        if (now !== last) reported.set(declaration, now);
        for (const args of now.accepted) accept(...args);
        continue;
      }
      const accepted: Accepted[] = [];
      const record: ValidationAcceptor = (...args) => {
        accepted.push(args);
        accept(...args);
      };
      let own = true;
      for (const node of AstUtils.streamAst(declaration)) {
        const { checks, linked } = checksOf(node.$type);
        own &&= !linked;
        for (const check of checks) check(node, record);
      }
      if (own && start) reported.set(declaration, { line: start.line, character: start.character, accepted });
      else reported.delete(declaration);
    }
  };
}

/** What a declaration reported, as it reports it moved to start on `line`: a range given with a report moves with it (one given by a property is found again in the moved syntax tree). */
function movedTo(reported: Reported, line: number): Reported {
  const lines = line - reported.line;
  const move = (range: Range): Range => ({ start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } });
  return { line, character: reported.character, accepted: reported.accepted.map(([severity, message, info]) => [severity, message, info.range ? { ...info, range: move(info.range) } : info]) };
}
