// The index of references, made when it is read. Langium describes every reference of a
// document after each link (its path, its range, its target), for finding references and
// for telling which documents an edit affects; on a file of 10,000 services that is a
// quarter of an edit's re-validation, and nothing reads it while the user types. Here a
// linked document is only marked due, and described the first time a query needs it. A
// document's links do not change between its link and its next reset (which drops the
// mark), so the description is the one Langium would have made.
import { AstUtils, DefaultIndexManager, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription, type URI } from 'langium';

export class TopoIndexManager extends DefaultIndexManager {
  /** Linked documents whose references are not described yet, by URI. */
  private readonly due = new Map<string, LangiumDocument>();

  override async updateReferences(document: LangiumDocument): Promise<void> {
    const uri = document.uri.toString();
    this.referenceIndex.delete(uri);
    this.due.set(uri, document);
  }

  override removeReferences(uri: URI): void {
    super.removeReferences(uri);
    this.due.delete(uri.toString());
  }

  override findAllReferences(...args: Parameters<DefaultIndexManager['findAllReferences']>): ReturnType<DefaultIndexManager['findAllReferences']> {
    for (const uri of [...this.due.keys()]) this.describe(uri);
    return super.findAllReferences(...args);
  }

  override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
    this.describe(document.uri.toString());
    return super.isAffected(document, changedUris);
  }

  private describe(uri: string): void {
    const document = this.due.get(uri);
    if (!document) return;
    this.due.delete(uri);
    const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
    if (!(provider instanceof TopoReferenceDescriptionProvider)) throw new Error(`the reference index describes with TopoReferenceDescriptionProvider, not ${provider.constructor.name}`);
    this.referenceIndex.set(uri, provider.describeNow(document));
  }
}

/** Langium's descriptions of a document's references, made in one pass (its own pass awaits between nodes, for a build to stop in). */
export class TopoReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
  describeNow(document: LangiumDocument): ReferenceDescription[] {
    const descriptions: ReferenceDescription[] = [];
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
      AstUtils.streamReferences(node).forEach((info) => {
        if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
      });
    }
    return descriptions;
  }
}
