// Spans of traced requests — one per attempt, timed by the virtual clock — and their export
// as Zipkin v2 JSON or OTLP/JSON, so a real tracing UI can load them.

export type SpanOutcome = 'ok' | 'error' | 'timeout';

export interface Span {
  traceId: string;
  spanId: string;
  parentId: string | undefined;
  /** `client → wwwproxy`, `homepage → subscriber`. */
  name: string;
  /** The component that served the attempt, and where. */
  service: string;
  instance: string;
  region: string;
  zone: string;
  /** Who called: a service name, or `client`. */
  caller: string;
  /** 1 for the first attempt of a call, 2 for its first retry, … */
  attempt: number;
  startNs: number;
  endNs: number;
  outcome: SpanOutcome;
}

export interface TraceOptions {
  /** Trace one request in `every` (1: all). */
  every: number;
  onSpan(span: Span): void;
}

/** Traces start at this instant (2024-01-01T00:00:00Z), so UIs show plausible dates. */
export const TRACE_EPOCH_US = 1_704_067_200_000_000;

export function hexId(n: number, width: 16 | 32): string {
  return n.toString(16).padStart(width, '0');
}

function micros(ns: number): number {
  return TRACE_EPOCH_US + Math.floor(ns / 1000);
}

/** Zipkin v2: a JSON array of spans; times in microseconds since the Unix epoch. */
export function toZipkin(spans: readonly Span[]): object[] {
  return spans.map((s) => ({
    traceId: s.traceId,
    id: s.spanId,
    ...(s.parentId === undefined ? {} : { parentId: s.parentId }),
    name: s.name,
    kind: 'SERVER',
    timestamp: micros(s.startNs),
    duration: Math.max(1, Math.round((s.endNs - s.startNs) / 1000)),
    localEndpoint: { serviceName: s.service },
    remoteEndpoint: { serviceName: s.caller },
    tags: {
      'topo.instance': s.instance,
      'topo.region': s.region,
      'topo.zone': s.zone,
      'topo.attempt': String(s.attempt),
      'topo.outcome': s.outcome,
      ...(s.outcome === 'ok' ? {} : { error: s.outcome }),
    },
  }));
}

const OTLP_SPAN_KIND_SERVER = 2;
const OTLP_STATUS_OK = 1;
const OTLP_STATUS_ERROR = 2;

function attr(key: string, value: string | number): object {
  return { key, value: typeof value === 'number' ? { intValue: String(value) } : { stringValue: value } };
}

function nanosSinceEpoch(ns: number): string {
  return (BigInt(TRACE_EPOCH_US) * 1000n + BigInt(Math.round(ns))).toString();
}

/** OTLP/JSON (ExportTraceServiceRequest): one resource per service, spans in the order given. */
export function toOtlp(spans: readonly Span[]): object {
  const byService = new Map<string, Span[]>();
  for (const s of spans) (byService.get(s.service) ?? byService.set(s.service, []).get(s.service)!).push(s);
  return {
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: { attributes: [attr('service.name', service)] },
      scopeSpans: [
        {
          scope: { name: 'topo-simulator' },
          spans: list.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentId === undefined ? {} : { parentSpanId: s.parentId }),
            name: s.name,
            kind: OTLP_SPAN_KIND_SERVER,
            startTimeUnixNano: nanosSinceEpoch(s.startNs),
            endTimeUnixNano: nanosSinceEpoch(s.endNs),
            attributes: [
              attr('topo.caller', s.caller),
              attr('topo.instance', s.instance),
              attr('topo.region', s.region),
              attr('topo.zone', s.zone),
              attr('topo.attempt', s.attempt),
              attr('topo.outcome', s.outcome),
            ],
            status: s.outcome === 'ok' ? { code: OTLP_STATUS_OK } : { code: OTLP_STATUS_ERROR, message: s.outcome },
          })),
        },
      ],
    })),
  };
}
