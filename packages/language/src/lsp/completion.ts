// Completion: references are already filtered by kind by the scope (a call's target offers
// services, datastores and caches); `uses` offers facets before whole entities, since using
// a whole entity is a smell.
import type { AstNodeDescription, ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';

const KIND_OF: Record<string, CompletionItemKind> = {
  Service: CompletionItemKind.Class,
  Datastore: CompletionItemKind.Struct,
  Cache: CompletionItemKind.Struct,
  Entity: CompletionItemKind.TypeParameter,
  Facet: CompletionItemKind.Interface,
  Region: CompletionItemKind.Module,
  Team: CompletionItemKind.Module,
};

export class TopoCompletionProvider extends DefaultCompletionProvider {
  protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
    const item = super.createReferenceCompletionItem(description, refInfo, context);
    const facetsFirst = refInfo.property === 'uses' ? (description.type === 'Facet' ? '0' : '1') : '0';
    return {
      ...item,
      kind: KIND_OF[description.type] ?? item.kind,
      detail: description.type.toLowerCase(),
      sortText: `${facetsFirst}${description.name}`,
    };
  }
}
