import { describe, expect, it } from 'vitest';
import { exportFile, servicesCsv, timelineCsv, toCsv } from '../src/results/export.js';
import { resilientResult, result } from './fixtures/results.js';

describe('exporting a run', () => {
  it('quotes only the fields that need it, with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['plain', 'with, comma'], ['say "hi"', null], [1.5, 'two\nlines']])).toBe(
      'a,b\r\nplain,"with, comma"\r\n"say ""hi""",\r\n1.5,"two\nlines"\r\n',
    );
  });

  it('writes one row per service and one per second', () => {
    const services = servicesCsv(result()).split('\r\n');
    expect(services[0]).toBe('name,kind,instances,requests,utilization,p50_ms,p99_ms,max_ms,timeouts,retries,wasted_work_ms');
    expect(services[1]).toBe('"web, ""front""",service,3,300,0.85,10,45,440,0,0,0');
    expect(services[2]).toBe('db,datastore,0,320,,10,2,440,20,20,1500');
    expect(timelineCsv(result())).toBe(
      'second,throughput_rps,p99_ms,failed,arrivals,in_flight,attempts,wasted_work_ms\r\n0,90,40,0,100,1.5,200,0\r\n1,100,,3,100,2,420,1500\r\n',
    );
  });

  it('adds the resilience counts as columns when the run has them', () => {
    const services = servicesCsv(resilientResult()).split('\r\n');
    expect(services[0]).toBe('name,kind,instances,requests,utilization,p50_ms,p99_ms,max_ms,timeouts,retries,wasted_work_ms,short_circuited,budget_exhausted,rejected,degraded');
    expect(services[2]).toBe('db,datastore,0,320,,10,2,440,20,20,1500,40,2,0,10');
    expect(timelineCsv(resilientResult()).split('\r\n')[2]).toBe('1,100,,3,100,2,420,1500,40,2,0,10');
  });

  it('names the files after the model and the scenario; JSON is the whole result', () => {
    const r = result();
    expect(exportFile(r, 'csv-services').fileName).toBe('shop-peak-services.csv');
    expect(exportFile(r, 'csv-timeline').fileName).toBe('shop-peak-timeline.csv');
    const json = exportFile(r, 'json');
    expect(json.fileName).toBe('shop-peak.json');
    expect(JSON.parse(json.text)).toEqual(r);
  });

  it('exports the traced spans as Zipkin v2 and OTLP/JSON', () => {
    const span = { traceId: '0'.repeat(31) + '1', spanId: '0'.repeat(15) + '1', parentId: undefined, name: 'client → web', service: 'web', instance: 'web.a.1', region: 'r', zone: 'a', caller: 'client', attempt: 1, startNs: 1_000_000, endNs: 3_000_000, outcome: 'ok' as const };
    const zipkin = exportFile(result(), 'zipkin', [span]);
    expect(zipkin.fileName).toBe('shop-peak-zipkin.json');
    const [z] = JSON.parse(zipkin.text);
    expect(z).toMatchObject({ traceId: span.traceId, id: span.spanId, duration: 2000 });
    const otlp = JSON.parse(exportFile(result(), 'otlp', [span]).text);
    expect(otlp.resourceSpans[0].scopeSpans[0].spans[0]).toMatchObject({ traceId: span.traceId, spanId: span.spanId });
  });
});
