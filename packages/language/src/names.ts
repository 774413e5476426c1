// The names policy. Every declaration is top level and its name lives in one namespace: the
// services, datastores and caches share one (a call names any of them), entities and facets
// another, and regions, teams, petals and scenarios one each. A name is declared once per
// namespace across a file and its imports (`duplicate-name`); on a repeat the first declaration
// wins, in scoping and in lowering alike. Messages call each namespace by its label.
import { AstUtils, GrammarAST, type CstNode } from 'langium';
import type { Element } from './generated/ast.js';

const LABEL = {
  target: 'service, datastore or cache',
  entity: 'entity or facet',
  region: 'region',
  team: 'team',
  petal: 'petal',
  scenario: 'scenario',
} as const;

export type Namespace = keyof typeof LABEL;

const NAMESPACE: Partial<Record<Element['$type'], Namespace>> = {
  Service: 'target',
  Datastore: 'target',
  Cache: 'target',
  Entity: 'entity',
  Facet: 'entity',
  Region: 'region',
  Team: 'team',
  Petal: 'petal',
  Scenario: 'scenario',
};

/** The grammar's reference types that look a name up in a whole shared namespace. */
const REFERENCE_NAMESPACE: Record<string, Namespace> = { CallTarget: 'target', EntityOrFacet: 'entity' };

/** The namespace of a declaration's name; undefined for what has no name (architecture, network, import). */
export function namespaceOf(el: Element): Namespace | undefined {
  return NAMESPACE[el.$type];
}

/** The namespace of a declaration and its name as one key; undefined for what has no name (yet). */
export function namespaceKey(el: Element): string | undefined {
  const ns = NAMESPACE[el.$type];
  const name = (el as { name?: string }).name;
  return ns && name ? `${ns}:${name}` : undefined;
}

/** A key in words: `a service, datastore or cache named 'api'`. */
export function describeKey(key: string): string {
  const i = key.indexOf(':');
  return `a ${LABEL[key.slice(0, i) as Namespace]} named '${key.slice(i + 1)}'`;
}

/** What a reference of the grammar's type names, in words: `service, datastore or cache`, `region`. */
export function referenceLabel(referenceType: string): string {
  const ns = REFERENCE_NAMESPACE[referenceType];
  return ns ? LABEL[ns] : referenceType.toLowerCase();
}

/** The grammar's rules a name is written with: a keyword met in one is a name (`service edge`, `call timeout`), not a keyword. */
const NAME_RULES = new Set(['Name', 'KeywordName', 'InstanceTypeName']);

/** Whether a syntax node is (part of) a name, a keyword used as one included. */
export function isWrittenAsName(leaf: CstNode): boolean {
  const rule = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule);
  return rule !== undefined && NAME_RULES.has(rule.name);
}
