// Go to definition: on a name, its declaration (Langium's); on an import's path, the file it
// names, when the workspace has it (a missing one is reported by the import check).
import { AstUtils, GrammarUtils, type CstNode, type LangiumDocuments, type MaybePromise } from 'langium';
import { DefaultDefinitionProvider, type LangiumServices } from 'langium/lsp';
import { LocationLink, type DefinitionParams } from 'vscode-languageserver';
import { isImport } from '../generated/ast.js';
import { importPath, resolveImport } from '../imports.js';

export class TopoDefinitionProvider extends DefaultDefinitionProvider {
  private readonly documents: LangiumDocuments;

  constructor(services: LangiumServices) {
    super(services);
    this.documents = services.shared.workspace.LangiumDocuments;
  }

  protected override collectLocationLinks(source: CstNode, params: DefinitionParams): MaybePromise<LocationLink[] | undefined> {
    const node = source.astNode;
    if (!isImport(node) || GrammarUtils.findNodeForProperty(node.$cstNode, 'path') !== source) return super.collectLocationLinks(source, params);
    const uri = resolveImport(AstUtils.getDocument(node).uri, importPath(node));
    if (!this.documents.hasDocument(uri)) return undefined;
    const target = this.documents.getDocument(uri)!;
    const start = { line: 0, character: 0 };
    const whole = target.parseResult.value.$cstNode?.range ?? { start, end: start };
    return [LocationLink.create(target.uri.toString(), { start, end: whole.end }, { start, end: start }, source.range)];
  }
}
