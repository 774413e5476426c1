// The exports checked by their real consumers (run by .ci/run, after `npm run build`): each
// example is exported with the built CLI, then LikeC4's own `likec4 validate` reads the
// LikeC4 model, Backstage's catalog-model validators check every entity, Mermaid's parser
// reads the flowchart, and the Impact Framework's `if-run` computes the manifest, whose total
// must be `topo carbon`'s within 1% (at the default utilisation and with a scenario's). The consumers are installed into a scratch folder at run time,
// not as dependencies of the project. Exits 1 on the first export a consumer rejects.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const topo = join(root, 'packages/cli/dist/topo.js');
const examples = ['examples', 'examples/spigo'].flatMap((dir) =>
  readdirSync(join(root, dir)).filter((f) => f.endsWith('.topo')).map((f) => join(root, dir, f)),
);
const scratch = mkdtempSync(join(tmpdir(), 'topo-consumers-'));
const started = Date.now();

// Versions that run on Node 20, the project's floor.
const CONSUMERS = ['likec4@1.46.0', '@backstage/catalog-model@1.10.3', 'mermaid@11.12.0', 'jsdom@26.1.0', '@grnsft/if@1.1.0', 'yaml@2.9.1'];

try {
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'topo-consumers', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...CONSUMERS], { cwd: scratch, stdio: 'inherit' });
  const load = (name) => import(pathToFileURL(join(scratch, 'node_modules', name, resolveEntry(name))).href);

  const exported = (file, format, ...more) => execFileSync(process.execPath, [topo, 'export', file, '--to', format, ...more], { encoding: 'utf8' });
  // Each consumer must also refuse a broken sample, or its check proves nothing.
  const refuses = async (what, check) => {
    try {
      await check();
    } catch {
      return;
    }
    throw new Error(`${what} accepted a broken sample: the check cannot fail`);
  };

  // LikeC4: one folder per example, validated by the LikeC4 CLI.
  const likec4 = (dir, text, stderr = 'inherit') => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'model.c4'), text);
    execFileSync(join(scratch, 'node_modules/.bin/likec4'), ['validate', dir], { stdio: ['ignore', 'ignore', stderr] });
  };
  await refuses('likec4 validate', () => likec4(join(scratch, 'likec4-broken'), 'model {\n  web -> nowhere\n}\n', 'ignore'));
  for (const file of examples) {
    likec4(join(scratch, 'likec4', name(file)), exported(file, 'likec4'));
    console.log(`likec4 validate: ${name(file)} ok`);
  }

  // Backstage: every entity through the catalog's own policies and kind validators.
  const catalog = await load('@backstage/catalog-model');
  const { parseAllDocuments } = await load('yaml');
  const policy = catalog.EntityPolicies.allOf([
    new catalog.DefaultNamespaceEntityPolicy(),
    new catalog.NoForeignRootFieldsEntityPolicy(),
    new catalog.FieldFormatEntityPolicy(),
    new catalog.SchemaValidEntityPolicy(),
  ]);
  const validators = [
    catalog.componentEntityV1alpha1Validator,
    catalog.resourceEntityV1alpha1Validator,
    catalog.systemEntityV1alpha1Validator,
    catalog.groupEntityV1alpha1Validator,
    catalog.apiEntityV1alpha1Validator,
  ];
  const backstage = async (entity) => {
    const checked = await policy.enforce(entity);
    const known = await Promise.all(validators.map((v) => v.check(checked)));
    if (!known.includes(true)) throw new Error(`no Backstage validator accepts ${entity.kind} ${entity.metadata.name}`);
  };
  const component = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'web' }, spec: { type: 'service', lifecycle: 'production', owner: 'group:a' } };
  await refuses('backstage catalog-model', () => backstage({ ...component, metadata: { name: '-bad name-' } }));
  await refuses('backstage catalog-model', () => backstage({ ...component, spec: { type: 'service' } }));
  for (const file of examples) {
    const entities = parseAllDocuments(exported(file, 'backstage')).map((d) => d.toJS());
    for (const entity of entities) await backstage(entity);
    console.log(`backstage catalog-model: ${name(file)} ok (${entities.length} entities)`);
  }

  // Mermaid: its parser, in a DOM from jsdom (Mermaid sanitises labels with DOMPurify).
  const { JSDOM } = await load('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, Element: window.Element });
  const mermaid = (await load('mermaid')).default;
  await refuses('mermaid parse', () => mermaid.parse('flowchart LR\n  a -->|"label| b\n'));
  for (const file of examples) {
    const result = await mermaid.parse(exported(file, 'mermaid'));
    if (!result || result.diagramType !== 'flowchart-v2') throw new Error(`${name(file)}: Mermaid read it as ${result?.diagramType}`);
    console.log(`mermaid parse: ${name(file)} ok`);
  }

  // Impact Framework: if-run's aggregated carbon against topo carbon's total.
  const ifRun = (manifest) => {
    const input = join(scratch, 'impact.yml');
    writeFileSync(input, manifest);
    execFileSync(join(scratch, 'node_modules/.bin/if-run'), ['-m', input, '-o', join(scratch, 'impact-out')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return parseAllDocuments(readFileSync(join(scratch, 'impact-out.yaml'), 'utf8'))[0].toJS().tree.aggregated.carbon;
  };
  await refuses('if-run', () => ifRun('name: broken\ninitialize:\n  plugins:\n    x:\n      method: Multiply\n      path: builtin\ntree:\n  children:\n    a:\n      pipeline:\n        compute: [x]\n      inputs:\n        - timestamp: 2024-01-01T00:00:00Z\n          duration: 1\n'));
  for (const file of examples) {
    const scenario = /^scenario (\S+)/m.exec(readFileSync(file, 'utf8'))?.[1];
    for (const more of [[], ...(scenario ? [['--scenario', scenario]] : [])]) {
      let topoTotal;
      try {
        topoTotal = JSON.parse(execFileSync(process.execPath, [topo, 'carbon', file, '--format', 'json', ...more], { encoding: 'utf8', stdio: 'pipe' })).totalKgCO2ePerMonth;
      } catch {
        console.log(`if-run: ${name(file)} ${more.join(' ')} skipped: topo carbon refuses a file with errors`);
        continue;
      }
      const ifTotal = ifRun(exported(file, 'impact', ...more));
      const off = Math.abs(ifTotal - topoTotal) / topoTotal;
      if (!(off <= 0.01)) throw new Error(`${name(file)} ${more.join(' ')}: if-run says ${ifTotal} kgCO2e, topo carbon ${topoTotal}`);
      console.log(`if-run: ${name(file)} ${more.join(' ')} ${ifTotal.toFixed(3)} kgCO2e, topo carbon ${topoTotal.toFixed(3)} (${(off * 100).toFixed(4)}% apart)`);
    }
  }
  console.log(`every export accepted by its consumer in ${Math.round((Date.now() - started) / 1000)}s`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function name(file) {
  return file.split('/').pop().replace(/\.topo$/, '');
}

/** A package's ESM entry, from its package.json (`exports['.'].import`, `module` or `main`). */
function resolveEntry(pkg) {
  const json = JSON.parse(readFileSync(join(scratch, 'node_modules', pkg, 'package.json'), 'utf8'));
  const dot = json.exports?.['.'] ?? json.exports;
  const pick = (e) => (typeof e === 'string' ? e : e && (pick(e.import) ?? pick(e.node) ?? pick(e.default)));
  return pick(dot) ?? json.module ?? json.main ?? 'index.js';
}
