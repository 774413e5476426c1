// The spans of traced requests as the run makes them: one per attempt, from when it was sent
// to when its caller had the answer or gave up, handed to the trace's `onSpan`.
import type { Runtime } from '@topo/runtime';
import type { Instance } from './deployment.js';
import type { RequestCtx } from './request.js';
import { hexId, type SpanOutcome, type TraceOptions } from './trace.js';

export class Spans {
  private next = 0;

  constructor(
    private readonly rt: Runtime,
    private readonly trace: TraceOptions,
  ) {}

  /** A new span's id, unique in the run. */
  id(): string {
    return hexId(++this.next, 16);
  }

  /** The attempt `spanId` of `req` from `caller` to `dest`, ending now. */
  end(req: RequestCtx, spanId: string, parentId: string | undefined, caller: string, dest: Instance, attempt: number, startNs: number, outcome: SpanOutcome): void {
    this.trace.onSpan({
      traceId: req.traceId!,
      spanId,
      parentId,
      name: `${caller} → ${dest.target.name}`,
      service: dest.target.name,
      instance: dest.name,
      region: dest.region,
      zone: dest.zone,
      caller,
      attempt,
      startNs,
      endNs: this.rt.now,
      outcome,
    });
  }
}
