// Scoping by import. Every declaration of Topo is top level, so a reference's scope is the
// declarations of the referring file and its transitive imports — nothing else in the
// workspace. Scopes are hashed maps cached per document and reference type, because
// Langium's default (a stream of local symbols rebuilt for every reference) makes linking
// quadratic in the size of a file.
import type { AstNodeDescription, LangiumCoreServices, LangiumDocument, LangiumDocuments, ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeComputation, DefaultScopeProvider, MapScope, MultiMap, WorkspaceCache } from 'langium';
import type { LocalSymbols } from 'langium';
import { importClosure } from './imports.js';

export class TopoScopeComputation extends DefaultScopeComputation {
  // Nothing is local: all names live in the file's exported symbols.
  override async collectLocalSymbols(): Promise<LocalSymbols> {
    return new MultiMap();
  }
}

export class TopoScopeProvider extends DefaultScopeProvider {
  private readonly documents: LangiumDocuments;
  private readonly scopes: WorkspaceCache<string, Scope>;
  /** Each document's import closure, for the scopes of all its reference types. */
  private readonly closures: WorkspaceCache<string, LangiumDocument[]>;

  constructor(services: LangiumCoreServices) {
    super(services);
    this.documents = services.shared.workspace.LangiumDocuments;
    this.scopes = new WorkspaceCache(services.shared);
    this.closures = new WorkspaceCache(services.shared);
  }

  override getScope(context: ReferenceInfo): Scope {
    const referenceType = this.reflection.getReferenceType(context);
    const document = AstUtils.getDocument(context.container);
    const key = `${document.uri.toString()}\u0000${referenceType}`;
    return this.scopes.get(key, () => new MapScope(this.visible(document, referenceType)));
  }

  /** The visible declarations of a type; on a repeated name the first one wins (the names policy, `names.ts`). */
  private visible(document: LangiumDocument, referenceType: string): AstNodeDescription[] {
    const byName = new Map<string, AstNodeDescription>();
    for (const doc of this.closures.get(document.uri.toString(), () => importClosure(document, this.documents))) {
      const uris = new Set([doc.uri.toString()]);
      for (const d of this.indexManager.allElements(referenceType, uris)) {
        if (!byName.has(d.name)) byName.set(d.name, d);
      }
    }
    return [...byName.values()];
  }
}
