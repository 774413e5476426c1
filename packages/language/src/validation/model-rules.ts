// The model-level rules: lower the file and its imports to the plain model, run the
// analysis, and report what it finds in this file.
import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { TopoFile } from '../generated/ast.js';
import { coded } from './codes.js';
import type { TopoModels } from '../models.js';

export function checkModel(models: TopoModels) {
  return (root: TopoFile, accept: ValidationAcceptor): void => {
    const document = AstUtils.getDocument(root);
    const uri = document.uri.toString();
    for (const f of models.analysisOf(document).findings) {
      if (f.loc.uri !== uri) continue;
      accept(f.severity, f.message, {
        node: root,
        range: { start: f.loc.start, end: f.loc.end },
        ...coded(f.code),
      });
    }
  };
}
