// Re-validating a project after a one-line edit, as the language server does: 10,000
// services in 200 files, one edited; goal on the 2-core reference machine <= 150 ms until the
// edited file and its importers have fresh diagnostics. Apart from revalidate.bench.ts, whose
// workspaces of 10,000 services would stay in this heap and slow some runs here with their
// garbage collection.
import { DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { bench, describe } from 'vitest';
import { createTopoLspServices } from '../src/topo-lsp-module.js';
import { generateProject, teamImports } from './generate.js';

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
    // The JIT's warm-up: the third edit after the first build takes 2-4 times as long as the later ones.
    warmupIterations: 4,
    throws: true,
    // The workspace is built once, before the warm-up runs (setup runs again before the timed ones).
    setup: async () => {
      if (documents[0]!.state < DocumentState.Validated) await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    },
  });
});
