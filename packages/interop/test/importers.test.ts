import { describe, expect, it } from 'vitest';
import { ImportError } from '../src/import-error.js';
import { importedFileName, IMPORTERS } from '../src/importers.js';

describe('the importers\' table', () => {
  it('names the Topo file after the input, without its ending (and spigo\'s _arch)', () => {
    expect(importedFileName('/home/sre/shop_arch.json')).toBe('shop.topo');
    expect(importedFileName('C:\\k8s\\bookinfo.yaml')).toBe('bookinfo.topo');
    expect(importedFileName('deploy.YML')).toBe('deploy.topo');
    expect(importedFileName('zipkin-traces.json')).toBe('zipkin-traces.topo');
  });

  it('reports spigo input it cannot read as an ImportError naming the file, like the others', () => {
    const bad = { name: 'shop_arch.json', text: '{"arch": 1}' };
    expect(() => IMPORTERS.spigo.run([bad])).toThrow(ImportError);
    expect(() => IMPORTERS.spigo.run([bad])).toThrow(/^shop_arch\.json: /);
    expect(() => IMPORTERS.kubernetes.run([{ name: 'empty.yaml', text: 'kind: ConfigMap\n' }])).toThrow(ImportError);
  });
});
