// The exports, checked for what each format promises. Their real consumers (LikeC4, Backstage,
// Mermaid) read them in scripts/check-exports.mjs, run by .ci/run.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { estimateCarbon } from '@topo/carbon';
import { loadModel } from '@topo/language';
import { components, type Model } from '@topo/model';
import { EXPORT_FORMATS, exportModel } from '../src/export/index.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../examples');
const netflix = async () => (await loadModel(join(examples, 'netflix.topo'))).model;
const edges = (m: Model) => m.services.flatMap((s) => s.calls.map((c) => [s.name, c.target]));

describe('model', () => {
  it('is the plain model without where it was written, under a versioned envelope', async () => {
    const model = await netflix();
    const json = JSON.parse(exportModel(model, 'model'));
    expect([json.format, json.version]).toEqual(['topo-model', 1]);
    expect(JSON.stringify(json)).not.toMatch(/"(loc|locs|uri)"/);
    expect(json.model.services.map((s: { name: string }) => s.name)).toEqual(model.services.map((s) => s.name));
    expect(json.model.services[0].calls[0]).toMatchObject({ from: 'subscriber', target: 'subscriberCache', timeoutMs: 10 });
  });
});

describe('every format', () => {
  it('exports a model that crossed JSON (as the editor gets it from the language server) as it exports the model itself', async () => {
    const model = await netflix();
    const received = JSON.parse(JSON.stringify(model)) as Model;
    for (const format of EXPORT_FORMATS) expect(exportModel(received, format), format).toBe(exportModel(model, format));
  });
});

describe('mermaid', () => {
  it('is a flowchart with a node per component and an edge per call, labelled with its timeout', async () => {
    const model = await netflix();
    const text = exportModel(model, 'mermaid');
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['---', 'title: netflix', '---', 'flowchart LR']);
    expect(lines.filter((l) => /^ {2}n\d+[[{(]/.test(l))).toHaveLength(components(model).length);
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(edges(model).length);
    expect(text).toContain('n4 -->|"80% · timeout 400ms · 1 retry"| n2');
    expect(text).toContain('n5[("subscriberDb<br/><small>cassandra datastore</small>")]');
  });
});

describe('likec4', () => {
  it('declares a kind per Topo kind, an element per component and a relation per call, in one view', async () => {
    const model = await netflix();
    const text = exportModel(model, 'likec4');
    for (const kind of ['service', 'datastore', 'cache']) expect(text).toContain(`  element ${kind} {`);
    expect(text).toContain("  subscriberDb = datastore 'subscriberDb' {\n    technology 'cassandra datastore'\n  }");
    expect(text).toContain("  wwwproxy -> homepage '80% · timeout 400ms · 1 retry'");
    expect(text.match(/^ {2}\S+ -> \S+ /gm)).toHaveLength(edges(model).length);
    expect(text).toContain("  view index {\n    title 'Netflix streaming on AWS, 2011'\n    include *\n  }");
  });
});

describe('structurizr', () => {
  // The DSL as documented (docs.structurizr.com/dsl/language): identifiers of letters, digits,
  // `_` and `-`; a relationship between two identifiers declared before it; balanced blocks.
  it('is a workspace whose relationships name declared containers, with one container view', async () => {
    const model = await netflix();
    const text = exportModel(model, 'structurizr');
    const declared = [...text.matchAll(/^ {6}([\w-]+) = container "([^"]*)" "[^"]*" "([^"]*)" "(\w+)"$/gm)];
    expect(declared.map((d) => d[2])).toEqual(components(model).map((c) => c.name));
    const ids = new Set(declared.map((d) => d[1]));
    const relations = [...text.matchAll(/^ {4}([\w-]+) -> ([\w-]+) "[^"]*"$/gm)];
    expect(relations).toHaveLength(edges(model).length);
    for (const [, from, to] of relations) expect(ids.has(from!) && ids.has(to!)).toBe(true);
    expect(text.split('{').length).toBe(text.split('}').length);
    expect(text).toContain('    container system "containers" {\n      include *\n      autoLayout lr\n    }');
  });
});

describe('backstage', () => {
  it('writes a System, Groups as owners, APIs per facet and Components and Resources whose references resolve', async () => {
    const model = await netflix();
    const entities = parseAllDocuments(exportModel(model, 'backstage')).map((d) => d.toJS());
    const refs = new Set(entities.map((e) => `${e.kind.toLowerCase()}:${e.metadata.name}`));
    expect(entities.filter((e) => e.kind === 'System').map((e) => e.metadata.name)).toEqual(['netflix']);
    expect(entities.filter((e) => e.kind === 'Component')).toHaveLength(model.services.length);
    expect(entities.filter((e) => e.kind === 'Resource').map((e) => e.spec.type).sort()).toEqual(['cache', 'database', 'database']);
    expect(entities.filter((e) => e.kind === 'API').map((e) => e.metadata.name).sort()).toEqual(model.facets.map((f) => f.name).sort());
    for (const e of entities) {
      for (const ref of [e.spec.owner, ...(e.spec.dependsOn ?? []), ...(e.spec.providesApis ?? []), ...(e.spec.consumesApis ?? [])].filter(Boolean)) {
        expect(refs.has(ref), `${e.metadata.name} → ${ref}`).toBe(true);
      }
    }
    const homepage = entities.find((e) => e.metadata.name === 'homepage')!;
    expect(homepage.spec).toMatchObject({ owner: 'group:discovery', dependsOn: ['component:subscriber', 'component:videoMetadata'], consumesApis: ['api:PresentationVideo', 'api:Subscriber'] });
  });
});

describe('impact', () => {
  /** IF's builtins as its documentation defines them, over one observation. */
  const BUILTINS: Record<string, (input: Record<string, number>, config: Record<string, unknown>) => number> = {
    Sum: (i, c) => (c['input-parameters'] as string[]).reduce((a, p) => a + i[p]!, 0),
    Multiply: (i, c) => (c['input-parameters'] as string[]).reduce((a, p) => a * i[p]!, 1),
    Subtract: (i, c) => (c['input-parameters'] as string[]).slice(1).reduce((a, p) => a - i[p]!, i[(c['input-parameters'] as string[])[0]!]!),
    Coefficient: (i, c) => i[c['input-parameter'] as string]! * (c.coefficient as number),
  };

  it('is a tree of region → component whose builtin pipeline adds up to the carbon estimate', async () => {
    const model = await netflix();
    const manifest = parseAllDocuments(exportModel(model, 'impact'))[0]!.toJS();
    const plugins = manifest.initialize.plugins as Record<string, { method: string; path: string; config: Record<string, unknown> }>;
    expect(Object.values(plugins).every((p) => p.path === 'builtin' && p.method in BUILTINS)).toBe(true);
    expect(Object.keys(manifest.tree.children)).toEqual(model.regions.map((r) => r.name));
    let total = 0;
    for (const region of Object.values(manifest.tree.children) as { children: Record<string, { pipeline: { compute: string[] }; inputs: Record<string, number>[] }> }[]) {
      for (const leaf of Object.values(region.children)) {
        const observation = { ...leaf.inputs[0]! };
        for (const step of leaf.pipeline.compute) {
          const { method, config } = plugins[step]!;
          observation[(config['output-parameter'] as string)] = BUILTINS[method]!(observation, config);
        }
        total += observation.carbon!;
      }
    }
    expect(total).toBeCloseTo(estimateCarbon(model).totalKgCO2ePerMonth, 6);
    expect(manifest.aggregation).toEqual({ metrics: ['carbon'], type: 'both' });
  });
});
