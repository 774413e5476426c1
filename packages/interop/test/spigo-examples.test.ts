// The spigo architecture files kept as real inputs: each imports without a warning into the
// example committed under examples/spigo, checks without errors, is in house style, needs
// no timeout fix, draws and simulates.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatText, parseModelFromString } from '@topo/language';
import { planTimeoutBudgetFixes } from '@topo/model';
import { drawDiagram } from '@topo/diagram';
import { simulate } from '@topo/simulator';
import { importSpigo, parseSpigoJson } from '../src/spigo/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The spigo inputs and the examples imported from them, side by side. */
const examples = join(root, 'examples/spigo');

/** What Topo's analysis finds in each, all of it true of the spigo architecture. */
const EXPECTED: Record<string, string[]> = {
  cassandra: [],
  // homepage and signup both use the one mysql.
  container: ['shared-datastore', 'shared-datastore'],
  // spigo runs one memcache node.
  lamp: ['single-zone'],
  netflixoss: [],
  // homepage-node and signup-node both use the one mysql.
  test: ['shared-datastore', 'shared-datastore'],
};

describe('the spigo architecture files', () => {
  it('are there, all five', () => {
    expect(readdirSync(examples).filter((f) => f.endsWith('_arch.json')).map((f) => f.replace(/_arch\.json$/, '')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const name of Object.keys(EXPECTED)) {
    describe(name, () => {
      const file = `${name}_arch.json`;
      const imported = () => importSpigo(parseSpigoJson(readFileSync(join(examples, file), 'utf8')), { fileName: file });

      it('imports without a warning into the committed example', () => {
        const { text, warnings } = imported();
        expect(warnings).toEqual([]);
        expect(text).toBe(readFileSync(join(examples, `${name}.topo`), 'utf8'));
      });

      it('checks with no errors, and only the findings true of the spigo architecture', async () => {
        const { findings, model } = await parseModelFromString(imported().text);
        expect(findings.map((f) => f.code)).toEqual(EXPECTED[name]);
        expect(planTimeoutBudgetFixes(model)).toEqual([]);
      });

      it('is in house style', async () => {
        const { text } = imported();
        expect(await formatText(text)).toBe(text);
      });

      it('draws every component', async () => {
        const { model } = await parseModelFromString(imported().text);
        const { svg } = await drawDiagram(model, []);
        expect(svg?.startsWith('<svg')).toBe(true);
        for (const c of [...model.services, ...model.datastores, ...model.caches]) expect(svg).toContain(`>${c.name}<`);
      });

      it("simulates spigo's run: the denominator's load, and Chaos Monkey's kill", async () => {
        const { model } = await parseModelFromString(imported().text);
        const result = await simulate(model);
        expect(result.scenario).toBe('www');
        expect(result.requests).toBeGreaterThan(900);
        // Without chaos nearly every request succeeds; killing an instance fails some until discovery notices.
        const chaos = model.scenarios[0]!.chaos.length > 0;
        expect(result.failed / result.requests).toBeLessThan(chaos ? 0.1 : 0.01);
      });
    });
  }
});
