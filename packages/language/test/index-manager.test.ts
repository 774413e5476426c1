// The index of references is made when a query reads it (index-manager.ts): it must hold what
// Langium's own description of the documents gives, edit after edit, and an edit must not
// make it.
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument, type ReferenceDescription } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import type { TopoFile } from '../src/generated/ast.js';
import { TopoReferenceDescriptionProvider } from '../src/index-manager.js';
import { createTopoLspServices } from '../src/topo-lsp-module.js';

const LIB = 'file:///ws/lib.topo';
const APP = 'file:///ws/app.topo';
const lib = (above = '') => `${above}team shop\nservice db {\n  work 2ms\n}\n`;
const app = 'import "lib.topo"\nservice api {\n  team shop\n  call db timeout 100ms\n  call web\n}\nservice web {\n  call db\n}\n';

const described = (list: Iterable<ReferenceDescription>) =>
  [...list].map((r) => `${r.sourceUri.toString()}${r.sourcePath} -> ${r.targetUri.toString()}${r.targetPath} @${JSON.stringify(r.segment.range)}`).sort();

async function workspace() {
  const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
  const documents = [LIB, APP].map((uri) => shared.workspace.LangiumDocumentFactory.fromString(uri === LIB ? lib() : app, URI.parse(uri)));
  for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build(documents, { validation: true });
  const document = (uri: string): LangiumDocument => shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
  const provider = Topo.workspace.ReferenceDescriptionProvider as TopoReferenceDescriptionProvider;
  const index = shared.workspace.IndexManager;
  const locator = Topo.workspace.AstNodeLocator;
  const declaration = (uri: string, name: string) => (document(uri).parseResult.value as TopoFile).elements.find((e) => 'name' in e && e.name === name)!;
  /** What the index finds for the declaration `name` of `uri`. */
  const referencesTo = (uri: string, name: string) => {
    const node = declaration(uri, name);
    return described(index.findAllReferences(node, locator.getAstNodePath(node)));
  };
  /** What Langium's own pass gives for `name`, over every document. */
  const langiumSays = async (uri: string, name: string) => {
    const path = locator.getAstNodePath(declaration(uri, name));
    const all = (await Promise.all([LIB, APP].map((u) => provider.createDescriptions(document(u))))).flat();
    return described(all.filter((r) => r.targetUri.toString() === uri && r.targetPath === path));
  };
  let version = 0;
  const edit = async (uri: string, text: string) => {
    shared.workspace.TextDocuments.set(TextDocument.create(uri, 'topo', ++version, text));
    await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
  };
  return { provider, referencesTo, langiumSays, edit };
}

describe('the index of references', () => {
  it("finds what Langium's own description of the documents finds, edit after edit", async () => {
    const ws = await workspace();
    expect(ws.referencesTo(LIB, 'db')).toHaveLength(2);
    expect(ws.referencesTo(LIB, 'db')).toEqual(await ws.langiumSays(LIB, 'db'));
    expect(ws.referencesTo(APP, 'web')).toEqual(await ws.langiumSays(APP, 'web'));

    // Lines added above the declarations of both files: every reference moves.
    await ws.edit(APP, `// a note\n${app}`);
    await ws.edit(LIB, lib('// a note\n\n'));
    expect(ws.referencesTo(LIB, 'db')).toEqual(await ws.langiumSays(LIB, 'db'));
    expect(ws.referencesTo(APP, 'web')).toEqual(await ws.langiumSays(APP, 'web'));
    expect(ws.referencesTo(LIB, 'shop')).toEqual(await ws.langiumSays(LIB, 'shop'));
  });

  it('describes the edited file only when a query asks, and a file the edits leave alone once', async () => {
    const ws = await workspace();
    const describeNow = vi.spyOn(ws.provider, 'describeNow');
    const describedFiles = () => describeNow.mock.calls.map(([d]) => d.uri.toString());
    await ws.edit(APP, app.replace('100ms', '200ms'));
    await ws.edit(APP, app.replace('100ms', '300ms'));
    // Whether an edit of app affects lib is read from lib's references: lib is described, once.
    expect(describedFiles()).toEqual([LIB]);
    expect(ws.referencesTo(LIB, 'db')).toHaveLength(2);
    expect(describedFiles()).toEqual([LIB, APP]);
  });
});
