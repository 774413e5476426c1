// The language is generated in Langium's production mode (langium-config.json): the CLI and
// the server skip Chevrotain's checks of the grammar, which cost every start. They run here, on
// a parser built in development mode, with the ambiguity reports of ALL(*) parsing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TopoGeneratedModule, TopoGeneratedSharedModule, TopoLanguageMetaData } from '../src/generated/module.js';
import { TopoModule } from '../src/topo-module.js';

const root = join(import.meta.dirname, '../../..');
const sources = ['test/conformance/valid', 'test/conformance-v2/valid', 'examples'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((n) => n.endsWith('.topo'))
    .map((n) => join(root, dir, n)),
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('grammar', () => {
  it('passes Chevrotain’s checks and parses the examples without an ambiguity', () => {
    expect(TopoLanguageMetaData.mode).toBe('production');
    const logged = ['log', 'warn', 'error'].map((level) => vi.spyOn(console, level as 'log'));
    const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), TopoGeneratedSharedModule);
    const development = { LanguageMetaData: () => ({ ...TopoLanguageMetaData, mode: 'development' as const }) };
    const topo = inject(createDefaultCoreModule({ shared }), TopoGeneratedModule, TopoModule, development);
    // Chevrotain throws on a definition error and logs its warnings.
    const parser = topo.parser.LangiumParser;
    for (const file of sources) expect(parser.parse(readFileSync(file, 'utf8')).parserErrors, file).toEqual([]);
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });
});
