// Re-validating after a one-line edit, as the language server does: the text document
// changes and the builder updates it; the document is parsed again (only the declarations
// the edit touched, incremental-parse.ts), indexed, linked and validated, and the
// model-level rules run again. A line added or removed moves every declaration after it. Goals on the 2-core reference machine: one file of 1,000
// services <= 100 ms, of 10,000 <= 1 s. Completion at the end of the file is timed beside
// them. (A project of 200 files: revalidate-project.bench.ts,
// on a heap of its own.)
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { bench, describe } from 'vitest';
import { createTopoLspServices } from '../src/topo-lsp-module.js';
import { generateArchitecture } from './generate.js';

/** A server's services with one file of `size` services, built: made when its benchmark starts, so the 1,000-service runs do not share a heap with 10,000 services. */
async function openFile(size: number) {
  const text = generateArchitecture(size);
  const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
  const uri = URI.parse(`file:///bench/${size}.topo`);
  const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
  shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build([document], { validation: true });
  return { text, shared, Topo, uri, document };
}

for (const size of [1_000, 10_000]) {
  let file: Awaited<ReturnType<typeof openFile>> | undefined;
  let edit = 0;
  const revalidate = async () => {
    const { text, shared, Topo, uri, document } = file!;
    // The first service's work, different each run and of one or two digits: a real edit
    // (no cache can answer it), near the top, that moves everything after it or not.
    const work = 2 + (edit % 7) * 3;
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'topo', ++edit, text.replace('work 2ms', `work ${work}ms`)));
    await shared.workspace.DocumentBuilder.update([uri], []);
    const model = Topo.topo.Models.modelOf(document);
    if (model.services.length !== size) throw new Error('lost services');
    if (model.services.find((s) => s.name === 'sal0')?.work.meanMs !== work) throw new Error('the edit is not in the model');
  };
  // A line added to the first service, and taken out again the next run: every declaration after it moves.
  let added = 0;
  const addLine = async () => {
    const { text, shared, Topo, uri, document } = file!;
    const adding = ++added % 2 === 1;
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'topo', ++edit, adding ? text.replace('work 2ms', 'work 2ms\n  queue 5') : text));
    await shared.workspace.DocumentBuilder.update([uri], []);
    const { services } = Topo.topo.Models.modelOf(document);
    if (services.length !== size) throw new Error('lost services');
    if (services.find((s) => s.name === 'sal0')?.queue !== (adding ? 5 : undefined)) throw new Error('the edit is not in the model');
    const last = services.at(-1)!;
    if (last.loc?.start.line !== text.split('\n').findIndex((l) => l === `service ${last.name} {`) + (adding ? 1 : 0)) throw new Error('the last service is not where the text has it');
  };
  // Completing a call's target in the last service, as typing one does: what may follow is
  // worked out from the start of that service's declaration (completion.ts).
  const complete = async () => {
    const { Topo, document } = file!;
    // The text as the other benchmarks' edits left it.
    const text = document.textDocument.getText();
    const at = text.lastIndexOf('call ') + 'call '.length;
    const target = /^\S+/.exec(text.slice(at))![0];
    const position = document.textDocument.positionAt(at);
    const list = await Topo.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
    if (!list?.items.some((i) => i.label === target)) throw new Error(`${target} is not offered`);
  };
  const options = {
    iterations: size > 1_000 ? 5 : 20,
    warmupIterations: 2,
    throws: true,
    // Before the warm-up runs (and again before the timed ones).
    setup: async () => {
      file ??= await openFile(size);
    },
  };
  describe(`${size.toLocaleString('en')} services`, () => {
    bench('re-validate after a one-line edit', revalidate, options);
    bench('re-validate after a line is added or removed', addLine, options);
    bench('complete a call target in the last service', complete, options);
  });
}
