// Finding what the cursor is on: the AST node of a type around an offset, and the model
// element it became.
import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import type { Call, Model } from '@topo/model';
import type { Position } from 'vscode-languageserver';

/** The innermost node around the position whose type is one of `types`. */
export function nodeAt<T extends AstNode>(document: LangiumDocument, position: Position, types: readonly T['$type'][]): T | undefined {
  const root = document.parseResult.value.$cstNode;
  if (!root) return undefined;
  const offset = document.textDocument.offsetAt(position);
  const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
  for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
    if ((types as string[]).includes(node.$type)) return node as T;
  }
  return undefined;
}

/** The model's call written at an AST call or route (matched by where it starts). */
export function modelCall(model: Model, document: LangiumDocument, node: AstNode): Call | undefined {
  const start = node.$cstNode?.range.start;
  if (!start) return undefined;
  const uri = document.uri.toString();
  for (const service of model.services) {
    for (const call of service.calls) {
      const loc = call.loc;
      if (loc && loc.uri === uri && loc.start.line === start.line && loc.start.character === start.character) return call;
    }
  }
  return undefined;
}
