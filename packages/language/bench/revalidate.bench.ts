// Re-validating a document after a one-line edit, as the language server does: the
// services stay up; the document is re-parsed, re-indexed, re-linked and re-validated,
// and the model-level rules run again. Goals on the 2-core reference machine:
// 1,000 services ≤ 150 ms, 10,000 ≤ 1.5 s.
import { EmptyFileSystem, URI } from 'langium';
import { bench, describe } from 'vitest';
import { createTopoServices } from '../src/topo-module.js';
import { generateArchitecture } from './generate.js';

for (const size of [1_000, 10_000]) {
  const text = generateArchitecture(size);
  const { shared, Topo } = createTopoServices(EmptyFileSystem);
  const uri = URI.parse(`file:///bench/${size}.topo`);
  let edit = 0;
  const revalidate = async () => {
    // A different work time each run: a real edit, no cache can answer it.
    const edited = text.replace('work 2ms', `work ${2 + (edit++ % 7)}ms`);
    if (shared.workspace.LangiumDocuments.hasDocument(uri)) shared.workspace.LangiumDocuments.deleteDocument(uri);
    const document = shared.workspace.LangiumDocumentFactory.fromString(edited, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    if (Topo.topo.Models.modelOf(document).services.length !== size) throw new Error('lost services');
  };
  describe(`${size.toLocaleString('en')} services`, () => {
    bench('re-validate after a one-line edit', revalidate, { iterations: size > 1_000 ? 5 : 20, warmupIterations: 2, throws: true });
  });
}
