// Go to definition: a name goes to its declaration, in its own file or one it imports; an
// import's path goes to the file it names.
import { describe, expect, it } from 'vitest';
import type { LocationLink } from 'vscode-languageserver';
import { loadText } from './helpers.js';

const MAIN = 'architecture a\nimport "lib/common.topo"\nimport "missing.topo"\nservice s {\n  call db timeout 10ms\n}\n';
const COMMON = '// shared\ndatastore db: postgres\n';

async function definitionAt(needle: string, offsetInNeedle = 1): Promise<LocationLink[] | undefined> {
  const { documents, services } = await loadText(MAIN, { 'file:///ws/lib/common.topo': COMMON });
  const document = documents[0]!;
  const position = document.textDocument.positionAt(MAIN.indexOf(needle) + offsetInNeedle);
  return (await services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position })) as LocationLink[] | undefined;
}

describe('go to definition', () => {
  it("on an import's path: the file it names, from its start, the path underlined", async () => {
    const [link, ...more] = (await definitionAt('"lib/common.topo"', 5))!;
    expect(more).toEqual([]);
    expect(link!.targetUri).toBe('file:///ws/lib/common.topo');
    expect(link!.targetSelectionRange).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(link!.targetRange.end).toEqual({ line: 1, character: 22 });
    expect(link!.originSelectionRange).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 24 } });
  });

  it('on the path of a file the workspace does not have: nowhere', async () => {
    expect(await definitionAt('"missing.topo"', 3)).toBeUndefined();
  });

  it('on the keyword `import`: nowhere', async () => {
    expect(await definitionAt('import "lib', 2)).toBeUndefined();
  });

  it('on a name: its declaration, in the file imported', async () => {
    const [link] = (await definitionAt('call db', 6))!;
    expect(link!.targetUri).toBe('file:///ws/lib/common.topo');
    expect(link!.targetSelectionRange).toEqual({ start: { line: 1, character: 10 }, end: { line: 1, character: 12 } });
  });
});
