import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesByLine, loadText } from './helpers.js';

const conformance = join(import.meta.dirname, '../../../test/conformance');

describe('grammar', () => {
  it('parses every valid conformance file without syntax errors', async () => {
    const dir = join(conformance, 'valid');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.topo'))) {
      const result = await loadText(readFileSync(join(dir, name), 'utf8'));
      expect(result.findings.filter((f) => f.code === 'syntax'), name).toEqual([]);
    }
  });

  it('parses every construct of the reference', async () => {
    const result = await loadText(`
      architecture all "every construct"
      region us-east-1 { provider aws zones a, b, c grid 379 gCO2e/kWh pue 1.135 }
      network { zone 0.1ms crosszone 0.5ms crossregion 35ms petal 300ns encode 20us discovery 10s }
      team identity
      entity Video
      facet PresentationVideo of Video
      datastore db: cassandra { team identity regions us-east-1 instances 6 of i3.2xlarge replication 3 read ONE write QUORUM work 0.5ms storage 2TB }
      cache c: memcached { team identity instances 3 of r5.large hit 90% }
      datastore managed: dynamodb
      service edge {
        layer edge deadline 1s budget propagate
        route 80% s timeout 400ms retries 1
        route 20% s timeout 400ms retries 1
      }
      service s {
        layer sal team identity regions us-east-1 zones a, b instances 6 of m5.large threads 64
        work 2ms lognormal 0.5 memory 16GB owns db, c provides PresentationVideo uses Video chaos optout
        call c timeout 10ms
        call db on miss c read share 30% timeout 40ms connect 5ms retries 1 backoff 10ms retry same
        parallel { call managed write timeout 50ms call c timeout 80ms }
      }
      petal p { region us-east-1 memory 4TB replicas 3 members s, c }
      scenario evening {
        load 2000 rps into edge for 60s warmup 5s seed 7
        chaos kill 1 of s at 20s
        chaos zone us-east-1.a down at 40s for 10s
        chaos monkey every 10s
      }
      /* block comment */
    `);
    expect(result.findings.filter((f) => f.severity === 'error' && f.code !== 'timeout-budget' && f.code !== 'deadline-budget')).toEqual([]);
  });

  it('accepts keywords as names', async () => {
    const result = await loadText('service edge { call zone timeout 1s }\nservice zone { work 1ms constant }');
    expect(result.findings.filter((f) => f.code === 'syntax' || f.code === 'unresolved-reference')).toEqual([]);
    expect(result.model.services.map((s) => s.name)).toEqual(['edge', 'zone']);
  });

  it.each(['missing-unit', 'misspelled-keyword'])('reports the first syntax error of invalid/%s on the marked line', async (name) => {
    const text = readFileSync(join(conformance, 'invalid', `${name}.topo`), 'utf8');
    const marked = text.split('\n').findIndex((l) => l.includes('@expect syntax')) + 1;
    const result = await loadText(text);
    expect(codesByLine(result).find((c) => c.startsWith('syntax@'))).toBe(`syntax@${marked}`);
  });

  it('rejects a number without its unit, on the line of the number', async () => {
    const result = await loadText('service a {\n  work 5\n}');
    expect(codesByLine(result)).toEqual(['syntax@2']);
  });
});
