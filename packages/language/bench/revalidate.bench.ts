// Re-validating after a one-line edit, as the language server does: the text document
// changes and the builder updates it; the document is parsed again (only the declarations
// the edit touched, incremental-parse.ts), indexed, linked and validated, and the
// model-level rules run again. Goals on the 2-core reference machine: one file of 1,000
// services <= 100 ms, of 10,000 <= 1 s; 10,000 services in 200 files, one edited, <= 150 ms
// until the edited file and its importers have fresh diagnostics.
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { bench, describe } from 'vitest';
import { createTopoLspServices } from '../src/topo-lsp-module.js';
import { generateArchitecture, generateProject, teamImports } from './generate.js';

for (const size of [1_000, 10_000]) {
  const text = generateArchitecture(size);
  const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
  const uri = URI.parse(`file:///bench/${size}.topo`);
  const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
  shared.workspace.LangiumDocuments.addDocument(document);
  let edit = 0;
  const revalidate = async () => {
    // The first service's work, different each run and of one or two digits: a real edit
    // (no cache can answer it), near the top, that moves everything after it or not.
    const work = 2 + (edit % 7) * 3;
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'topo', ++edit, text.replace('work 2ms', `work ${work}ms`)));
    await shared.workspace.DocumentBuilder.update([uri], []);
    const model = Topo.topo.Models.modelOf(document);
    if (model.services.length !== size) throw new Error('lost services');
    if (model.services.find((s) => s.name === 'sal0')?.work.meanMs !== work) throw new Error('the edit is not in the model');
  };
  describe(`${size.toLocaleString('en')} services`, () => {
    bench('re-validate after a one-line edit', revalidate, {
      iterations: size > 1_000 ? 5 : 20,
      warmupIterations: 2,
      throws: true,
      setup: async () => {
        if (document.state < DocumentState.Validated) await shared.workspace.DocumentBuilder.build([document], { validation: true });
      },
    });
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
