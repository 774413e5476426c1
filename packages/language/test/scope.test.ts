import { describe, expect, it } from 'vitest';
import { codesByLine, parse } from './helpers.js';

const LIB = 'file:///ws/lib/common.topo';

describe('scoping by import', () => {
  it('resolves names declared in an imported file, transitively', async () => {
    const result = await parse('architecture a\nimport "lib/common.topo"\nservice s { team shop call db timeout 10ms }', {
      [LIB]: 'import "deeper.topo"\nteam shop',
      'file:///ws/lib/deeper.topo': 'datastore db: dynamodb',
    });
    expect(codesByLine(result)).toEqual([]);
    expect(result.model.services[0]!.team).toBe('shop');
    expect(result.model.datastores.map((d) => d.name)).toEqual(['db']);
  });

  it('does not see files that are not imported', async () => {
    const result = await parse('architecture a\nservice s {\n  call db timeout 10ms\n}', { [LIB]: 'datastore db: dynamodb' });
    expect(codesByLine(result)).toEqual(['unresolved-reference@3']);
    expect(result.findings[0]!.message).toContain("no service, datastore or cache named 'db'");
  });

  it('lets two entry files declare the same names', async () => {
    const result = await parse('architecture a\nservice homepage', { 'file:///ws/other.topo': 'architecture b\nservice homepage' });
    expect(result.findings).toEqual([]);
  });

  it('reports an import that does not resolve', async () => {
    const result = await parse('architecture a\nimport "missing.topo"');
    expect(codesByLine(result)).toEqual(['unresolved-import@2']);
  });

  it('reports each import of a cycle', async () => {
    const result = await parse('import "lib/common.topo"\nservice a', { [LIB]: 'import "../main.topo"\nservice b' });
    expect(codesByLine(result)).toEqual(['import-cycle@1']);
    expect(codesByLine(result, LIB)).toEqual(['import-cycle@1']);
  });

  it('matches the kind of a reference: a call cannot target a team', async () => {
    const result = await parse('team t\nservice s {\n  call t timeout 1s\n}');
    expect(codesByLine(result)).toEqual(['unresolved-reference@3']);
  });
});

describe('duplicate-name', () => {
  it('reports each declaration after the first in one namespace', async () => {
    const result = await parse('service a\ndatastore a: mysql\ncache a: redis\nteam a\nregion a');
    expect(codesByLine(result)).toEqual(['duplicate-name@2', 'duplicate-name@3']);
  });

  it('counts entities and facets as one namespace', async () => {
    const result = await parse('entity Video\nfacet Video of Video');
    expect(codesByLine(result)).toEqual(['duplicate-name@2']);
  });

  it('reports a name an import already declares', async () => {
    const result = await parse('import "lib/common.topo"\nservice orders', { [LIB]: 'service orders' });
    expect(codesByLine(result)).toEqual(['duplicate-name@2']);
    expect(result.findings[0]!.message).toContain('common.topo');
  });

  it('allows one name in different namespaces', async () => {
    const result = await parse('team search\nservice search\nscenario search\npetal search');
    expect(codesByLine(result)).toEqual([]);
  });
});

describe('repeated properties', () => {
  it('reports an option given twice on a call', async () => {
    const result = await parse('service a {\n  call b timeout 1s\n    timeout 2s\n}\nservice b');
    expect(codesByLine(result)).toEqual(['duplicate-property@3']);
  });

  it('treats read and write as one option, and names as names', async () => {
    const result = await parse('service a {\n  call read read\n    write timeout 1s\n}\nservice read');
    expect(codesByLine(result)).toEqual(['duplicate-property@3']);
  });

  it('reports a second instances line', async () => {
    const result = await parse('service a {\n  instances 3\n  instances 4\n}');
    expect(codesByLine(result)).toEqual(['duplicate-property@3']);
  });
});
