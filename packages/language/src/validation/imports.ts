// `unresolved-import` and `import-cycle`, reported at the import.
import type { LangiumSharedCoreServices, ValidationAcceptor } from 'langium';
import { AstUtils, URI, UriUtils } from 'langium';
import type { Import } from '../generated/ast.js';
import { importClosure, importPath, resolveImport } from '../imports.js';
import { coded, IMPORT_CYCLE, UNRESOLVED_IMPORT } from './codes.js';
import type { TopoSettings } from '../settings.js';

/** True when `uri` is `folder` or below it. */
export function isInside(uri: URI, folder: URI): boolean {
  const relative = UriUtils.relative(folder, uri);
  return uri.scheme === folder.scheme && !relative.startsWith('..') && !relative.startsWith('/');
}

/** What the workspace folders are read from: the settings (the CLI's) and Langium's workspace (the editor's). */
export interface WorkspaceServices {
  readonly shared: LangiumSharedCoreServices;
  readonly topo: { readonly Settings: TopoSettings };
}

/** The folders imports stay inside (and topo.json is looked up to): the CLI's, else the editor's workspace folders. */
export function workspaceRoots(services: WorkspaceServices): string[] | undefined {
  return services.topo.Settings.workspaceRoots ?? services.shared.workspace.WorkspaceManager.workspaceFolders?.map((f) => f.uri);
}

export function checkImport(services: WorkspaceServices) {
  const documents = services.shared.workspace.LangiumDocuments;
  return (imp: Import, accept: ValidationAcceptor): void => {
    const document = AstUtils.getDocument(imp);
    const path = importPath(imp);
    const roots = workspaceRoots(services);
    const resolved = resolveImport(document.uri, path);
    if (roots && roots.length > 0 && !roots.some((root) => isInside(resolved, URI.parse(root)))) {
      accept('error', `cannot import '${path}': it is outside the workspace folder, and imports stay inside it`, {
        node: imp,
        property: 'path',
        ...coded(UNRESOLVED_IMPORT),
      });
      return;
    }
    if (!path.endsWith('.topo')) {
      accept('error', `cannot import '${path}': imports name .topo files`, { node: imp, property: 'path', ...coded(UNRESOLVED_IMPORT) });
      return;
    }
    const target = documents.getDocument(resolved);
    if (!target) {
      accept('error', `cannot find '${path}' (relative to this file)`, {
        node: imp,
        property: 'path',
        ...coded(UNRESOLVED_IMPORT),
      });
      return;
    }
    const closure = importClosure(target, documents);
    if (closure.some((d) => d.uri.toString() === document.uri.toString())) {
      const loop = target.uri.toString() === document.uri.toString() ? 'this file imports itself' : `'${path}' imports this file back`;
      accept('error', `import cycle: ${loop}; files must import each other in one direction`, {
        node: imp,
        ...coded(IMPORT_CYCLE),
      });
    }
  };
}
