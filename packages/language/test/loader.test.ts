// createLoader: many files on one set of services, each load as if it were the only one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
