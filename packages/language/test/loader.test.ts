// createLoader: many files on one set of services, each load as if it were the only one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { createLoader, loadModel } from '../src/load.js';

const dir = mkdtempSync(join(tmpdir(), 'topo-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const lib = file('lib.topo', 'service db {\n  work 500ms\n}\n');
const app = file('app.topo', 'import "lib.topo"\nservice api {\n  call db timeout 100ms\n}\n');
const other = file('other.topo', 'service web {\n}\n');

describe('a loader', () => {
  it('gives each file what loadModel gives it, whatever was loaded before', async () => {
    const load = createLoader();
    for (const path of [lib, app, other, app]) {
      const [shared, alone] = [await load(path, dir), await loadModel(path, { workspaceRoot: dir })];
      expect(shared.findings).toEqual(alone.findings);
      expect(shared.model).toEqual(alone.model);
    }
  });

  it('forgets the files of the load before: memory stays that of one model', async () => {
    const load = createLoader();
    await load(app, dir);
    const { services } = await load(other, dir);
    expect(services.shared.workspace.LangiumDocuments.all.map((d) => d.uri.path.split('/').at(-1)).toArray()).toEqual(['other.topo']);
  });
});

describe('a file of any name', () => {
  it('is read as Topo when it is named, with its imports', async () => {
    const named = file('design.txt', 'import "lib.topo"\nservice api {\n  call db timeout 100ms\n}\n');
    const { model, findings } = await loadModel(named, { workspaceRoot: dir });
    expect(model.services.map((s) => s.name).sort()).toEqual(['api', 'db']);
    expect(findings.map((f) => f.code)).toContain('timeout-budget');
    expect((await loadModel(file('NO-EXTENSION', 'service solo\n'), { workspaceRoot: dir })).model.services.map((s) => s.name)).toEqual(['solo']);
  });

  it("but the registry still knows a workspace's Topo files by their extension", async () => {
    const { services } = await loadModel(app, { workspaceRoot: dir });
    const registry = services.shared.ServiceRegistry;
    expect(registry.hasServices(URI.file(join(dir, 'app.topo')))).toBe(true);
    expect(registry.hasServices(URI.file(join(dir, 'notes.md')))).toBe(false);
  });
});

