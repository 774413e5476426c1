import { describe, expect, it } from 'vitest';
import { codesByLine, loadText } from './helpers.js';

const LIB = 'file:///ws/lib/common.topo';

describe('scoping by import', () => {
  it('resolves names declared in an imported file, transitively', async () => {
    const result = await loadText('architecture a\nimport "lib/common.topo"\nservice s { team shop call db timeout 10ms }', {
      [LIB]: 'import "deeper.topo"\nteam shop',
      'file:///ws/lib/deeper.topo': 'datastore db: dynamodb',
    });
    expect(codesByLine(result)).toEqual([]);
    expect(result.model.services[0]!.team).toBe('shop');
    expect(result.model.datastores.map((d) => d.name)).toEqual(['db']);
  });

  it('does not see files that are not imported', async () => {
    const result = await loadText('architecture a\nservice s {\n  call db timeout 10ms\n}', { [LIB]: 'datastore db: dynamodb' });
    expect(codesByLine(result)).toEqual(['unresolved-reference@3']);
    expect(result.findings[0]!.message).toContain("no service, datastore or cache named 'db'");
  });

  it('lets two entry files declare the same names', async () => {
    const result = await loadText('architecture a\nservice homepage', { 'file:///ws/other.topo': 'architecture b\nservice homepage' });
    expect(result.findings).toEqual([]);
  });

  it('reports an import that does not resolve', async () => {
    const result = await loadText('architecture a\nimport "missing.topo"');
    expect(codesByLine(result)).toEqual(['unresolved-import@2']);
  });

  it('reports an import of a file that is not .topo', async () => {
    const result = await loadText('architecture a\nimport "lib/common.txt"');
    expect(codesByLine(result)).toEqual(['unresolved-import@2']);
    expect(result.findings[0]!.message).toBe("cannot import 'lib/common.txt': imports name .topo files");
  });

  it('reports an import outside the workspace folder, and not one inside it', async () => {
    const outside = await loadText('architecture a\nimport "../elsewhere/common.topo"', { 'file:///elsewhere/common.topo': 'service b' }, { workspaceRoot: '/ws' });
    expect(codesByLine(outside)).toEqual(['unresolved-import@2']);
    expect(outside.findings[0]!.message).toContain('it is outside the workspace folder');
    const inside = await loadText('architecture a\nimport "lib/common.topo"', { [LIB]: 'service b' }, { workspaceRoot: '/ws' });
    expect(codesByLine(inside)).toEqual([]);
  });

  it('reports a file that imports itself', async () => {
    const result = await loadText('import "main.topo"\nservice a');
    expect(codesByLine(result)).toEqual(['import-cycle@1']);
    expect(result.findings[0]!.message).toBe('import cycle: this file imports itself; files must import each other in one direction');
  });

  it('reports each import of a cycle', async () => {
    const result = await loadText('import "lib/common.topo"\nservice a', { [LIB]: 'import "../main.topo"\nservice b' });
    expect(codesByLine(result)).toEqual(['import-cycle@1']);
    expect(codesByLine(result, LIB)).toEqual(['import-cycle@1']);
  });

  it('matches the kind of a reference: a call cannot target a team', async () => {
    const result = await loadText('team t\nservice s {\n  call t timeout 1s\n}');
    expect(codesByLine(result)).toEqual(['unresolved-reference@3']);
  });
});

describe('duplicate-name', () => {
  it('reports each declaration after the first in one namespace', async () => {
    const result = await loadText('service a\ndatastore a: mysql\ncache a: redis\nteam a\nregion a');
    expect(codesByLine(result)).toEqual(['duplicate-name@2', 'duplicate-name@3']);
  });

  it('counts entities and facets as one namespace', async () => {
    const result = await loadText('entity Video\nfacet Video of Video');
    expect(codesByLine(result)).toEqual(['duplicate-name@2']);
  });

  it('reports a name an import already declares', async () => {
    const result = await loadText('import "lib/common.topo"\nservice orders', { [LIB]: 'service orders' });
    expect(codesByLine(result)).toEqual(['duplicate-name@2']);
    expect(result.findings[0]!.message).toContain('common.topo');
  });

  it('allows one name in different namespaces', async () => {
    const result = await loadText('team search\nservice search\nscenario search\npetal search');
    expect(codesByLine(result)).toEqual([]);
  });
});

describe('repeated properties', () => {
  it('reports an option given twice on a call', async () => {
    const result = await loadText('service a {\n  call b timeout 1s\n    timeout 2s\n}\nservice b');
    expect(codesByLine(result)).toEqual(['duplicate-property@3']);
  });

  it('treats read and write as one option, and names as names', async () => {
    const result = await loadText('service a {\n  call read read\n    write timeout 1s\n}\nservice read');
    expect(codesByLine(result)).toEqual(['duplicate-property@3']);
  });

  it('reports a second instances line', async () => {
    const result = await loadText('service a {\n  instances 3\n  instances 4\n}');
    expect(codesByLine(result)).toEqual(['duplicate-property@3']);
  });

  it('reports a repeat in every kind of block', async () => {
    const result = await loadText(
      [
        'region us-east-1 {\n  provider aws\n  provider gcp\n}',
        'datastore d: cassandra {\n  replication 3\n  replication 2\n}',
        'cache c: redis {\n  hit 90%\n  hit 80%\n}',
        'petal p {\n  replicas 2\n  replicas 3\n}',
        'scenario s {\n  load 1 rps into c for 1s\n  seed 1\n  seed 2\n}',
      ].join('\n'),
    );
    expect(codesByLine(result).filter((c) => c.startsWith('duplicate-property'))).toEqual(['duplicate-property@3', 'duplicate-property@7', 'duplicate-property@11', 'duplicate-property@15', 'duplicate-property@20']);
  });

  it('counts per block: one property in two blocks, or on two calls, is no repeat', async () => {
    const result = await loadText('service a {\n  team t\n  call b timeout 1s\n  call b timeout 2s\n}\nservice b {\n  team t\n}\nteam t');
    expect(codesByLine(result)).toEqual([]);
  });
});

describe('duplicate-architecture', () => {
  it('reports each architecture after the first in a file', async () => {
    const result = await loadText('architecture a\nservice s\narchitecture b\narchitecture c');
    expect(codesByLine(result)).toEqual(['duplicate-architecture@3', 'duplicate-architecture@4']);
  });

  it('allows one per file, the imported files included', async () => {
    const result = await loadText('architecture a\nimport "lib/common.topo"\nservice s', { [LIB]: 'architecture b\nservice t' });
    expect(codesByLine(result)).toEqual([]);
  });
});
