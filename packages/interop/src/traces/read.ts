// Trace files, read: Zipkin v2 JSON (a list of spans, or the API's list of traces) and
// OTLP/JSON (an ExportTraceServiceRequest), as one list of spans with microsecond times.
import { ImportError, type InputFile } from '../import-error.js';
import { isObject, parseJsonInput } from '../json.js';

export type SpanKind = 'client' | 'server' | 'producer' | 'consumer' | 'internal';

export interface TraceSpan {
  traceId: string;
  id: string;
  parentId?: string;
  service: string;
  kind?: SpanKind;
  /** For a client span: the service it calls, when the trace names it (Zipkin's remoteEndpoint). */
  remoteService?: string;
  startUs: number;
  durationUs: number;
}

export interface Traces {
  spans: TraceSpan[];
  /** Spans read and left out, one sentence each. */
  skipped: string[];
}

export function readTraces(file: InputFile): Traces {
  const json = parseJsonInput(file);
  const read = Array.isArray(json) ? readZipkin(json, file.name) : isObject(json) && Array.isArray(json.resourceSpans) ? readOtlp(json.resourceSpans, file.name) : undefined;
  if (!read) throw new ImportError(file.name, 'is neither Zipkin v2 JSON (a list of spans) nor OTLP/JSON (an object with "resourceSpans")');
  const spans = read.filter((s): s is TraceSpan => s !== undefined);
  if (spans.length === 0) throw new ImportError(file.name, read.length === 0 ? 'holds no spans' : 'holds no span with a start and a duration');
  const untimed = read.length - spans.length;
  // Zipkin lets a span leave out its time (an annotation that came late): nothing to measure.
  return { spans, skipped: untimed === 0 ? [] : [`${untimed} span${untimed === 1 ? '' : 's'} without a timestamp and duration left out`] };
}

function readZipkin(list: unknown[], file: string): (TraceSpan | undefined)[] {
  // The Zipkin API's /api/v2/traces answers a list of traces, each a list of spans.
  const flat = list.every(Array.isArray) ? (list as unknown[][]).flatMap((t, i) => t.map((s, j) => ({ s, where: `trace ${i + 1}, span ${j + 1}` }))) : list.map((s, i) => ({ s, where: `span ${i + 1}` }));
  return flat.map(({ s, where }) => {
    if (!isObject(s)) throw new ImportError(file, `${where} is not a span object`);
    const local = isObject(s.localEndpoint) ? s.localEndpoint : {};
    const remote = isObject(s.remoteEndpoint) ? s.remoteEndpoint : {};
    const service = typeof local.serviceName === 'string' && local.serviceName !== '' ? local.serviceName : undefined;
    const id = typeof s.id === 'string' ? s.id : undefined;
    const at = `${where}${id ? ` (id ${id})` : ''}`;
    if (!service) throw new ImportError(file, `${at} has no localEndpoint.serviceName: the importer needs the service of every span`);
    if (typeof s.traceId !== 'string' || !id) throw new ImportError(file, `${at} has no "traceId" or "id"`);
    if (typeof s.timestamp !== 'number' || typeof s.duration !== 'number') return undefined;
    return {
      traceId: s.traceId,
      id,
      parentId: typeof s.parentId === 'string' ? s.parentId : undefined,
      service,
      kind: typeof s.kind === 'string' ? (s.kind.toLowerCase() as SpanKind) : undefined,
      remoteService: typeof remote.serviceName === 'string' && remote.serviceName !== '' ? remote.serviceName : undefined,
      startUs: s.timestamp,
      durationUs: s.duration,
    };
  });
}

const OTLP_KINDS: Record<string, SpanKind> = { 1: 'internal', 2: 'server', 3: 'client', 4: 'producer', 5: 'consumer' };

function readOtlp(resourceSpans: unknown[], file: string): TraceSpan[] {
  return resourceSpans.flatMap((rs, i) => {
    const where = `resourceSpans[${i}]`;
    if (!isObject(rs)) throw new ImportError(file, `${where} is not an object`);
    const attributes = isObject(rs.resource) && Array.isArray(rs.resource.attributes) ? rs.resource.attributes : [];
    const service = stringAttribute(attributes, 'service.name');
    if (!service) throw new ImportError(file, `${where} has no resource attribute service.name: the importer needs the service of every span`);
    // `instrumentationLibrarySpans` is the name before OTLP 0.15.
    const scopes = [rs.scopeSpans, rs.instrumentationLibrarySpans].filter(Array.isArray).flat();
    return scopes.flatMap((scope, j) =>
      (isObject(scope) && Array.isArray(scope.spans) ? scope.spans : []).map((s: unknown, k: number): TraceSpan => {
        const at = `${where}.scopeSpans[${j}].spans[${k}]`;
        if (!isObject(s) || typeof s.traceId !== 'string' || typeof s.spanId !== 'string') throw new ImportError(file, `${at} has no "traceId" or "spanId"`);
        const start = nanos(s.startTimeUnixNano);
        const end = nanos(s.endTimeUnixNano);
        if (start === undefined || end === undefined) throw new ImportError(file, `${at} has no "startTimeUnixNano" and "endTimeUnixNano"`);
        const kind = typeof s.kind === 'number' ? OTLP_KINDS[s.kind] : typeof s.kind === 'string' ? (s.kind.replace(/^SPAN_KIND_/, '').toLowerCase() as SpanKind) : undefined;
        const attrs = Array.isArray(s.attributes) ? s.attributes : [];
        return {
          traceId: s.traceId,
          id: s.spanId,
          parentId: typeof s.parentSpanId === 'string' && s.parentSpanId !== '' ? s.parentSpanId : undefined,
          service,
          kind,
          remoteService: stringAttribute(attrs, 'peer.service') ?? stringAttribute(attrs, 'db.system'),
          startUs: Number(start / 1000n),
          durationUs: Number((end - start) / 1000n),
        };
      }),
    );
  });
}

function stringAttribute(attributes: unknown[], key: string): string | undefined {
  const found = attributes.find((a) => isObject(a) && a.key === key);
  const value = isObject(found) && isObject(found.value) ? found.value.stringValue : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function nanos(value: unknown): bigint | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.round(value));
  return undefined;
}
