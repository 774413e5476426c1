// How each declaration is shown in the outline and in completion: one table for both, so a
// service reads as a class (and a datastore as a struct) wherever the editor lists it.
import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const KINDS: Record<string, readonly [SymbolKind, CompletionItemKind]> = {
  Service: [SymbolKind.Class, CompletionItemKind.Class],
  Datastore: [SymbolKind.Struct, CompletionItemKind.Struct],
  Cache: [SymbolKind.Struct, CompletionItemKind.Struct],
  Entity: [SymbolKind.TypeParameter, CompletionItemKind.TypeParameter],
  Facet: [SymbolKind.Interface, CompletionItemKind.Interface],
  Region: [SymbolKind.Module, CompletionItemKind.Module],
  Team: [SymbolKind.Module, CompletionItemKind.Module],
  Petal: [SymbolKind.Namespace, CompletionItemKind.Module],
  Scenario: [SymbolKind.Event, CompletionItemKind.Event],
  Architecture: [SymbolKind.File, CompletionItemKind.File],
};

const typeOf = (node: AstNode | AstNodeDescription): string => ('$type' in node ? node.$type : node.type);

export class TopoNodeKindProvider extends DefaultNodeKindProvider {
  override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
    return KINDS[typeOf(node)]?.[0] ?? super.getSymbolKind(node);
  }

  override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
    return KINDS[typeOf(node)]?.[1] ?? super.getCompletionItemKind(node);
  }
}
