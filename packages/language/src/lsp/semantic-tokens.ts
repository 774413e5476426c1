// Semantic tokens: declarations and references coloured by what they name, so a call to a
// datastore reads differently from a call to a service.
import type { AstNode, Reference } from 'langium';
import { isReference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';

const TOKEN_OF: Record<string, string> = {
  Service: SemanticTokenTypes.class,
  Datastore: SemanticTokenTypes.struct,
  Cache: SemanticTokenTypes.struct,
  Region: SemanticTokenTypes.namespace,
  Team: SemanticTokenTypes.namespace,
  Petal: SemanticTokenTypes.namespace,
  Entity: SemanticTokenTypes.type,
  Facet: SemanticTokenTypes.interface,
  Scenario: SemanticTokenTypes.event,
  Architecture: SemanticTokenTypes.namespace,
};

export class TopoSemanticTokenProvider extends AbstractSemanticTokenProvider {
  protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
    const declared = TOKEN_OF[node.$type];
    if (declared && 'name' in node) {
      acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
    }
    for (const [property, value] of Object.entries(node)) {
      if (property.startsWith('$')) continue;
      const refs = Array.isArray(value) ? value : [value];
      refs.forEach((ref: unknown, index) => {
        if (!isReference(ref)) return;
        const target = (ref as Reference).ref;
        const type = target && TOKEN_OF[target.$type];
        if (type) acceptor({ node, property, index: Array.isArray(value) ? index : undefined, type });
      });
    }
  }
}
