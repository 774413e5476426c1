// Language-level checks on declarations: names unique per namespace across a file and its
// imports, at most one `architecture` per file, properties given at most once.
import type { AstNode, LangiumDocuments, ValidationAcceptor } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import { ownLevel } from '../cst-spans.js';
import type { TopoFile } from '../generated/ast.js';
import { importClosure } from '../imports.js';
import { describeKey, isWrittenAsName, namespaceKey } from '../names.js';
import { coded, DUPLICATE_ARCHITECTURE, DUPLICATE_NAME, DUPLICATE_PROPERTY } from './codes.js';

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
        accept('error', `${describeKey(key)} is already declared${where !== undefined ? ` in ${where}` : ' above'}`, {
          node: el,
          property: 'name',
          ...coded(DUPLICATE_NAME),
        });
      }
      seen.add(key);
    }
  };
}

export function checkSingleArchitecture(root: TopoFile, accept: ValidationAcceptor): void {
  root.elements
    .filter((e) => e.$type === 'Architecture')
    .slice(1)
    .forEach((node) =>
      accept('error', 'a file holds at most one `architecture`; this file already has one', {
        node,
        ...coded(DUPLICATE_ARCHITECTURE),
      }),
    );
}

/** Keywords that introduce a property which may be given once (a repeat would silently win),
 *  in groups of keywords that set the same property (`read` and `write` on a call). */
const ONCE: Record<string, string[][]> = {
  Region: [['provider'], ['zones'], ['grid'], ['pue']],
  Network: [['zone'], ['crosszone'], ['crossregion'], ['petal'], ['encode'], ['discovery']],
  Service: [['team'], ['regions'], ['zones'], ['threads'], ['queue'], ['lock'], ['layer'], ['memory'], ['owns'], ['provides'], ['uses'], ['chaos'], ['deadline'], ['budget']],
  Datastore: [['team'], ['regions'], ['zones'], ['threads'], ['queue'], ['lock'], ['replication'], ['read'], ['write'], ['storage']],
  Cache: [['team'], ['regions'], ['zones'], ['threads'], ['queue'], ['lock'], ['hit']],
  // `retry same|different` and `retry budget P` are two options: each is counted by its second word.
  Call: [['read', 'write'], ['share'], ['on'], ['timeout'], ['connect'], ['retries'], ['backoff'], ['same', 'different'], ['budget'], ['breaker'], ['bulkhead'], ['fallback']],
  Route: [['read', 'write'], ['share'], ['on'], ['timeout'], ['connect'], ['retries'], ['backoff'], ['same', 'different'], ['budget'], ['breaker'], ['bulkhead'], ['fallback']],
  Petal: [['region'], ['memory'], ['replicas'], ['members']],
  Scenario: [['warmup'], ['seed']],
};

/** For each node type, the group of each keyword in ONCE. */
const GROUP_OF = new Map(Object.entries(ONCE).map(([type, groups]) => [type, new Map(groups.flatMap((g) => g.map((keyword) => [keyword, g] as const)))]));

/** `duplicate-property`: a property given twice in one block or call. */
export function checkRepeatedProperties(node: AstNode, accept: ValidationAcceptor): void {
  const groups = GROUP_OF.get(node.$type);
  if (!groups) return;
  // One pass over the node's own level: property keywords, and its instances/work children.
  let seen: Map<string[] | string, number> | undefined;
  for (const item of ownLevel(node)) {
    // The keyword's value from the grammar: a CST node's text is a fresh substring each time.
    const keyword = item.astNode === node && item.grammarSource?.$type === 'Keyword' ? (item.grammarSource as GrammarAST.Keyword).value : undefined;
    const group = keyword === undefined ? undefined : groups.get(keyword);
    const child = item.astNode !== node && CHILD_PROPERTIES.has(item.astNode.$type) ? item.astNode.$type : undefined;
    const key = group && !isWrittenAsName(item) ? group : child;
    if (!key) continue;
    seen ??= new Map();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count > 1) {
      const what = typeof key === 'string' ? key.toLowerCase() : item.text;
      accept('error', `'${what}' is given more than once here; only one can hold`, { node, range: item.range, ...coded(DUPLICATE_PROPERTY) });
    }
  }
}

/** Child nodes that a block may hold once (a repeat replaced the first in the AST, not in the text). */
const CHILD_PROPERTIES = new Set(['Instances', 'Work', 'Autoscale']);

