// Imports: a file sees its own declarations and those of the files it imports, transitively.
import type { LangiumDocument, LangiumDocuments } from 'langium';
import { UriUtils, type URI } from 'langium';
import type { Import, TopoFile } from './generated/ast.js';
import { isImport, isTopoFile } from './generated/ast.js';

function importsOf(root: TopoFile): Import[] {
  return root.elements.filter(isImport);
}

/** The URI an import names, relative to the importing document. */
export function resolveImport(documentUri: URI, path: string): URI {
  return UriUtils.resolvePath(UriUtils.dirname(documentUri), path);
}

/** The URIs a document's imports name; none while it holds no file (a new document before its parse). */
export function importedUris(document: LangiumDocument): URI[] {
  const root = document.parseResult.value;
  return isTopoFile(root) ? importsOf(root).map((imp) => resolveImport(document.uri, importPath(imp))) : [];
}

/**
 * The documents a document sees, itself first, then its imports depth-first in the order
 * written, each once. Imports that are not loaded are skipped (they are reported elsewhere).
 */
export function importClosure(document: LangiumDocument, documents: LangiumDocuments): LangiumDocument[] {
  const seen = new Set<string>();
  const out: LangiumDocument[] = [];
  const visit = (doc: LangiumDocument) => {
    const key = doc.uri.toString();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(doc);
    for (const uri of importedUris(doc)) {
      const target = documents.getDocument(uri);
      if (target) visit(target);
    }
  };
  visit(document);
  return out;
}

/** The import's path (the value converter has taken the quotes off). */
export function importPath(imp: Import): string {
  return imp.path ?? '';
}

