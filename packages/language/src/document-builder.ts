// Rebuilding after an edit: Langium relinks the documents whose references point into a
// changed file. A file also sees what its imports import, without referring to it (a name
// that clashes two imports down, a call's timeout against a service's work in a file it
// reaches through another), so every file that imports a changed one, directly or not, is
// relinked and validated again too.
import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';
import { importedUris } from './imports.js';

export class TopoDocumentBuilder extends DefaultDocumentBuilder {
  /** The importers of the last update's changed files (the set Langium passes every shouldRelink of one update). */
  private importers: { of: Set<string>; uris: Set<string> } | undefined;

  protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
    if (this.importers?.of !== changedUris) this.importers = { of: changedUris, uris: this.importersOf(changedUris) };
    return this.importers.uris.has(document.uri.toString()) || super.shouldRelink(document, changedUris);
  }

  /** The documents that import one of `changed`, directly or through others. */
  private importersOf(changed: Set<string>): Set<string> {
    const importedBy = new Map<string, string[]>();
    for (const doc of this.langiumDocuments.all) {
      const uri = doc.uri.toString();
      // A changed document is about to be parsed again: what it imported does not count.
      if (changed.has(uri)) continue;
      for (const imported of importedUris(doc)) {
        const target = imported.toString();
        const list = importedBy.get(target);
        if (list) list.push(uri);
        else importedBy.set(target, [uri]);
      }
    }
    const found = new Set<string>();
    const queue = [...changed];
    while (queue.length > 0) {
      for (const importer of importedBy.get(queue.pop()!) ?? []) {
        if (found.has(importer)) continue;
        found.add(importer);
        queue.push(importer);
      }
    }
    return found;
  }
}
