// Language-level checks on declarations: names unique per namespace across a file and its
// imports, at most one `architecture` per file, properties given at most once.
import type { AstNode, CstNode, LangiumDocuments, ValidationAcceptor } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils } from 'langium';

const { streamCst } = CstUtils;
import type { TopoFile } from '../generated/ast.js';
import { importClosure } from '../imports.js';
import { namespaceKey } from '../lower.js';
import { ruleDescription } from '../rule-docs.js';

const NAMESPACE_LABEL: Record<string, string> = {
  target: 'service, datastore or cache',
  entity: 'entity or facet',
  region: 'region',
  team: 'team',
  petal: 'petal',
  scenario: 'scenario',
};

/** `duplicate-name`: each declaration after the first; imported files count as before this one. */
export function checkDuplicateNames(documents: LangiumDocuments) {
  return (root: TopoFile, accept: ValidationAcceptor): void => {
    const document = AstUtils.getDocument(root);
    const imported = new Map<string, string>();
    for (const doc of importClosure(document, documents).slice(1)) {
      for (const el of (doc.parseResult.value as TopoFile).elements) {
        const key = namespaceKey(el);
        if (key && !imported.has(key)) imported.set(key, doc.uri.path.split('/').pop() ?? '');
      }
    }
    const seen = new Set<string>();
    for (const el of root.elements) {
      const key = namespaceKey(el);
      if (!key) continue;
      const where = imported.get(key);
      if (seen.has(key) || where !== undefined) {
        const [ns, name] = splitKey(key);
        accept('error', `a ${NAMESPACE_LABEL[ns]} named '${name}' is already declared${where !== undefined ? ` in ${where}` : ' above'}`, {
          node: el,
          property: 'name',
          code: 'duplicate-name',
          codeDescription: ruleDescription('duplicate-name'),
        });
      }
      seen.add(key);
    }
  };
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

export function checkSingleArchitecture(root: TopoFile, accept: ValidationAcceptor): void {
  root.elements
    .filter((e) => e.$type === 'Architecture')
    .slice(1)
    .forEach((node) =>
      accept('error', 'a file holds at most one `architecture`; this file already has one', {
        node,
        code: 'duplicate-architecture',
      }),
    );
}

/** Keywords that introduce a property which may be given once (a repeat would silently win),
 *  in groups of keywords that set the same property (`read` and `write` on a call). */
const ONCE: Record<string, string[][]> = {
  Region: [['provider'], ['zones'], ['grid'], ['pue']],
  Network: [['zone'], ['crosszone'], ['crossregion'], ['petal'], ['encode'], ['discovery']],
  Service: [['team'], ['regions'], ['zones'], ['threads'], ['layer'], ['memory'], ['owns'], ['provides'], ['uses'], ['deadline'], ['budget']],
  Datastore: [['team'], ['regions'], ['zones'], ['threads'], ['replication'], ['read'], ['write'], ['storage']],
  Cache: [['team'], ['regions'], ['zones'], ['threads'], ['hit']],
  Call: [['read', 'write'], ['share'], ['on'], ['timeout'], ['connect'], ['retries'], ['backoff'], ['retry']],
  Route: [['read', 'write'], ['share'], ['on'], ['timeout'], ['connect'], ['retries'], ['backoff'], ['retry']],
  Petal: [['region'], ['memory'], ['replicas'], ['members']],
  Scenario: [['warmup'], ['seed']],
};

/** `duplicate-property`: a property given twice in one block or call. */
export function checkRepeatedProperties(node: AstNode, accept: ValidationAcceptor): void {
  const groups = ONCE[node.$type];
  const cst = node.$cstNode;
  if (!groups || !cst) return;
  for (const group of groups) {
    const hits = group
      .flatMap((keyword) => GrammarUtils.findNodesForKeyword(cst, keyword))
      .filter((leaf) => !isNameToken(leaf))
      .sort((a, b) => a.offset - b.offset);
    for (const leaf of hits.slice(1)) {
      accept('error', `'${leaf.text}' is given more than once here; only one can hold`, {
        node,
        range: leaf.range,
        code: 'duplicate-property',
      });
    }
  }
  // `instances` and `work` are child nodes: a repeat replaced the first one in the AST, but
  // both are still in the text.
  for (const rule of ['Instances', 'Work']) {
    const calls = streamCst(cst)
      .filter((n) => n !== cst && GrammarAST.isRuleCall(n.grammarSource) && n.grammarSource.rule.ref?.name === rule)
      .toArray();
    for (const n of calls.slice(1)) {
      accept('error', `'${rule.toLowerCase()}' is given more than once here; only one can hold`, { node, range: n.range, code: 'duplicate-property' });
    }
  }
}

/** A keyword used as a name (`service edge`, `call timeout`) is not a property keyword. */
function isNameToken(leaf: CstNode): boolean {
  const rule = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule);
  return rule?.name === 'Name' || rule?.name === 'InstanceTypeName';
}
