// Edits as the language server sees them (a text document changed, then the builder's
// update): the edited file and the files importing it get fresh diagnostics and models, and
// nothing lowered before the edit survives it (TopoModels keeps each file's lowered part).
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createTopoLspServices } from '../src/topo-lsp-module.js';

const LIB = 'file:///ws/lib.topo';
const APP = 'file:///ws/app.topo';

async function workspace(files: Record<string, string>) {
  const { shared, Topo } = createTopoLspServices(EmptyFileSystem);
  const documents = Object.entries(files).map(([uri, text]) => shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri)));
  for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build(documents, { validation: true });
  let version = 0;
  const document = (uri: string): LangiumDocument => shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
  return {
    document,
    codes: (uri: string) => (document(uri).diagnostics ?? []).map((d) => `${d.code}@${d.range.start.line + 1}`),
    model: (uri: string) => Topo.topo.Models.modelOf(document(uri)),
    edit: async (uri: string, text: string) => {
      shared.workspace.TextDocuments.set(TextDocument.create(uri, 'topo', ++version, text));
      await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
    },
  };
}

const app = 'import "lib.topo"\nservice api {\n  team shop\n  call db timeout 100ms\n}\n';
const lib = (work: string, name = 'db') => `region eu {\n  zones a, b\n}\nteam shop\nservice ${name} {\n  work ${work}\n}\n`;

describe('an edit in an imported file', () => {
  it("changes its importer's diagnostics and model, both ways", async () => {
    const ws = await workspace({ [LIB]: lib('2ms'), [APP]: app });
    expect(ws.codes(APP)).toEqual([]);

    await ws.edit(LIB, lib('500ms'));
    expect(ws.codes(APP)).toEqual(['timeout-budget@4']);
    expect(ws.model(APP).services.find((s) => s.name === 'db')?.work.meanMs).toBe(500);

    await ws.edit(LIB, lib('3ms'));
    expect(ws.codes(APP)).toEqual([]);
    expect(ws.model(APP).services.find((s) => s.name === 'db')?.work.meanMs).toBe(3);
  });

  it('leaves no reference to a name it no longer declares, and links it again when it does', async () => {
    const ws = await workspace({ [LIB]: lib('2ms'), [APP]: app });
    await ws.edit(LIB, lib('2ms', 'store'));
    expect(ws.codes(APP)).toEqual(['unresolved-reference@4']);
    expect(ws.model(APP).services.find((s) => s.name === 'api')?.calls).toEqual([]);

    await ws.edit(LIB, lib('2ms'));
    expect(ws.codes(APP)).toEqual([]);
    expect(ws.model(APP).services.find((s) => s.name === 'api')?.calls.map((c) => c.target)).toEqual(['db']);
  });

  it('leaves no team it no longer declares on a service that calls nothing', async () => {
    // Nothing else of the imported file reaches the importer's model: no region, no call.
    const ws = await workspace({ [LIB]: 'team shop\n', [APP]: 'import "lib.topo"\nservice web {\n  team shop\n}\n' });
    expect(ws.model(APP).services.find((s) => s.name === 'web')?.team).toBe('shop');
    await ws.edit(LIB, 'team store\n');
    expect(ws.codes(APP)).toEqual(['unresolved-reference@3']);
    expect(ws.model(APP).services.find((s) => s.name === 'web')?.team).toBeUndefined();
  });

  it("places the importer's services in the regions it declares now", async () => {
    const ws = await workspace({ [LIB]: lib('2ms'), [APP]: app });
    const zones = () => ws.model(APP).services.find((s) => s.name === 'api')?.placement.map((p) => p.zone);
    expect(zones()).toEqual(['a', 'b']);
    await ws.edit(LIB, lib('2ms').replace('zones a, b', 'zones a, b, c'));
    expect(zones()).toEqual(['a', 'b', 'c']);
  });

  it('numbers calls in model order whatever file they are lowered in', async () => {
    const ws = await workspace({
      [LIB]: 'service db\nservice orders {\n  call db timeout 10ms\n}\n',
      [APP]: 'import "lib.topo"\nservice api {\n  call orders timeout 100ms\n  call db timeout 100ms\n}\n',
    });
    expect([...ws.codes(APP), ...ws.codes(LIB)]).toEqual([]);
    // Each file's calls are lowered from 0; in the importer's model the imported file's come after its own.
    expect(ws.model(APP).services.flatMap((s) => s.calls.map((c) => `${c.from}→${c.target}#${c.id}`))).toEqual(['api→orders#0', 'api→db#1', 'orders→db#2']);
    expect(ws.model(LIB).services.flatMap((s) => s.calls.map((c) => `${c.from}→${c.target}#${c.id}`))).toEqual(['orders→db#0']);
  });

  it('reaches a file that imports it through another, which refers to nothing in it', async () => {
    // app imports mid, mid imports lib: app sees lib's names, so a service lib declares
    // clashes with app's own, although app names nothing of lib's.
    const MID = 'file:///ws/mid.topo';
    const ws = await workspace({ [LIB]: 'service other {\n}\n', [MID]: 'import "lib.topo"\n', [APP]: 'import "mid.topo"\nservice web {\n}\n' });
    const clashes = () => ws.codes(APP).filter((c) => c.startsWith('duplicate-name'));
    expect(clashes()).toEqual([]);
    await ws.edit(LIB, 'service web {\n}\n');
    expect(clashes()).toEqual(['duplicate-name@2']);
    await ws.edit(LIB, 'service other {\n}\n');
    expect(clashes()).toEqual([]);
  });

  it("drops an imported file's call to a name the importer now declares first, though the imported file did not change", async () => {
    // The first declaration of a name wins: app's datastore db shadows lib's service db in
    // app's model, so lib's call to its own db leaves that model (and comes back).
    const libText = 'service db {\n  work 2ms\n}\nservice api {\n  call db\n}\n';
    const appText = 'import "lib.topo"\nservice front {\n  call api\n}\n';
    const callsOfApi = (ws: Awaited<ReturnType<typeof workspace>>) => ws.model(APP).services.find((s) => s.name === 'api')!.calls.map((c) => `${c.target}:${c.targetKind}`);
    const ws = await workspace({ [LIB]: libText, [APP]: appText });
    expect(callsOfApi(ws)).toEqual(['db:service']);
    await ws.edit(APP, `${appText}datastore db: postgres\n`);
    const fresh = await workspace({ [LIB]: libText, [APP]: `${appText}datastore db: postgres\n` });
    expect(callsOfApi(ws)).toEqual(callsOfApi(fresh));
    expect(callsOfApi(ws)).toEqual([]);
    await ws.edit(APP, appText);
    expect(callsOfApi(ws)).toEqual(['db:service']);
  });

  it('reaches the importer of a file created after it', async () => {
    // Langium holds a new file as a placeholder until it parses it: the rebuild must not read it as a file.
    const ws = await workspace({ [APP]: app });
    expect(ws.codes(APP)).toContain('unresolved-import@1');
    await ws.edit(LIB, lib('500ms'));
    expect(ws.codes(APP)).toEqual(['timeout-budget@4']);
  });
});
