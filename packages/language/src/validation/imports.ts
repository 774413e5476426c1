// `unresolved-import` and `import-cycle`, reported at the import.
import type { LangiumDocuments, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Import } from '../generated/ast.js';
import { importClosure, importPath, resolveImport } from '../imports.js';
import { ruleDescription } from '../rule-docs.js';

export function checkImport(documents: LangiumDocuments) {
  return (imp: Import, accept: ValidationAcceptor): void => {
    const document = AstUtils.getDocument(imp);
    const path = importPath(imp);
    if (!path.endsWith('.topo')) {
      accept('error', `cannot import '${path}': imports name .topo files`, { node: imp, property: 'path', code: 'unresolved-import', codeDescription: ruleDescription('unresolved-import') });
      return;
    }
    const target = documents.getDocument(resolveImport(document.uri, path));
    if (!target) {
      accept('error', `cannot find '${path}' (relative to this file)`, {
        node: imp,
        property: 'path',
        code: 'unresolved-import',
        codeDescription: ruleDescription('unresolved-import'),
      });
      return;
    }
    const closure = importClosure(target, documents);
    if (closure.some((d) => d.uri.toString() === document.uri.toString())) {
      const loop = target.uri.toString() === document.uri.toString() ? 'this file imports itself' : `'${path}' imports this file back`;
      accept('error', `import cycle: ${loop}; files must import each other in one direction`, {
        node: imp,
        code: 'import-cycle',
        codeDescription: ruleDescription('import-cycle'),
      });
    }
  };
}
