// Re-validating after a one-line edit, as the language server does: the services stay up;
// the document is re-parsed, re-indexed, re-linked and re-validated, and the model-level
// rules run again. Goals on the 2-core reference machine: one file of 1,000 services
// ≤ 100 ms, of 10,000 ≤ 1 s; 10,000 services in 200 files, one edited, ≤ 150 ms until the
// edited file and its importers have fresh diagnostics.
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { bench, describe } from 'vitest';
import { createTopoLspServices } from '../src/topo-lsp-module.js';
import { createTopoServices } from '../src/topo-module.js';
import { generateArchitecture, generateProject, teamImports } from './generate.js';

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

{
  const [files, perFile] = [200, 50];
  // The server's services: an edit arrives as a text document.
  const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
  const uriOf = (team: number) => URI.parse(`file:///project/team${team}.topo`);
  const texts = generateProject(files, perFile);
  const documents = [...texts].map(([name, text]) => shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///project/${name}`)));
  for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
  // The file edited: a business team's with the most importers; they call its first service at 700 ms.
  const importersOf = (team: number) => [...Array(files).keys()].filter((t) => teamImports(t, files).includes(team));
  const edited = [...Array(files).keys()].filter((t) => teamImports(t, files).length > 0).reduce((a, b) => (importersOf(b).length > importersOf(a).length ? b : a));
  const importers = importersOf(edited).map((t) => shared.workspace.LangiumDocuments.getDocument(uriOf(t))!);
  const text = texts.get(`team${edited}.topo`)!;
  let edit = 0;
  const revalidate = async () => {
    // Every other edit makes the service slower than its callers' timeout.
    const slow = edit % 2 === 0;
    const work = slow ? 900 + (edit % 7) : 2 + (edit % 7);
    const document = TextDocument.create(uriOf(edited).toString(), 'topo', ++edit, text.replace('work 2ms', `work ${work}ms`));
    shared.workspace.TextDocuments.set(document);
    await shared.workspace.DocumentBuilder.update([uriOf(edited)], []);
    const stale = importers.filter((d) => d.diagnostics?.some((x) => x.code === 'timeout-budget') !== slow);
    if (stale.length > 0) throw new Error(`stale diagnostics in ${stale.map((d) => d.uri.path).join(', ')}`);
    const model = Topo.topo.Models.modelOf(shared.workspace.LangiumDocuments.getDocument(uriOf(edited))!);
    if (model.services.find((s) => s.name === `s${edited}_0`)?.work.meanMs !== work) throw new Error('the edit is not in the model');
  };
  describe(`${(files * perFile).toLocaleString('en')} services in ${files} files`, () => {
    bench('re-validate one file and its importers after a one-line edit', revalidate, {
      iterations: 10,
      warmupIterations: 2,
      throws: true,
      // The workspace is built once, before the warm-up runs (setup runs again before the timed ones).
      setup: async () => {
        if (documents[0]!.state < DocumentState.Validated) await shared.workspace.DocumentBuilder.build(documents, { validation: true });
      },
    });
  });
}
