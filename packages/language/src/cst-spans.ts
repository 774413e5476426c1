// Where each property of an AST node was written, found in one pass over the node's own
// level of the syntax tree (GrammarUtils' per-property searches walk the whole subtree
// each time, which made lowering and validation of large files slow).
import type { AstNode, CstNode } from 'langium';
import { isCompositeCstNode, type GrammarAST } from 'langium';
import type { Range } from 'vscode-languageserver-types';

export interface PropertySpan {
  /** The property's keyword (`timeout`), when it has one. */
  keyword?: CstNode;
  /** The value alone. */
  value: CstNode;
}

/** From the property's keyword to the end of its value: `timeout 2s`. Ranges are computed only when asked for. */
export function spanRange(span: PropertySpan): Range {
  return { start: (span.keyword ?? span.value).range.start, end: span.value.range.end };
}

const cache = new WeakMap<AstNode, Map<string, PropertySpan[]>>();

/** The node's own CST level, under rule calls that only wrap it (Element → Region). */
export function ownLevel(node: AstNode): readonly CstNode[] {
  let level = node.$cstNode;
  while (level && isCompositeCstNode(level) && level.content.length === 1 && isCompositeCstNode(level.content[0]) && level.content[0].astNode === node) {
    level = level.content[0];
  }
  return level && isCompositeCstNode(level) ? level.content : [];
}

/** Every assigned property of the node, each occurrence in source order. */
export function propertySpans(node: AstNode): Map<string, PropertySpan[]> {
  let spans = cache.get(node);
  if (spans) return spans;
  spans = new Map();
  let keywordStart: CstNode | undefined;
  for (const item of ownLevel(node)) {
    if (item.hidden) continue;
    const assignment = assignmentOf(item.grammarSource);
    if (assignment && item.astNode === node) {
      const list = spans.get(assignment.feature) ?? [];
      list.push({ keyword: keywordStart, value: item });
      spans.set(assignment.feature, list);
      keywordStart = undefined;
    } else if (item.grammarSource?.$type === 'Keyword' && /^[A-Za-z]/.test((item.grammarSource as GrammarAST.Keyword).value)) {
      keywordStart ??= item;
    } else if (item.astNode !== node) {
      keywordStart = undefined; // a child node (instances, a call) stands on its own
    }
  }
  cache.set(node, spans);
  return spans;
}

/** The grammar assignment a token belongs to (a plain walk: reflection's isSubtype is slow here). */
function assignmentOf(source: AstNode | undefined): GrammarAST.Assignment | undefined {
  for (let n = source; n; n = n.$container) if (n.$type === 'Assignment') return n as GrammarAST.Assignment;
  return undefined;
}

/** The first occurrence of a property. */
export function propertySpan(node: AstNode, property: string): PropertySpan | undefined {
  return propertySpans(node).get(property)?.[0];
}
