// What the exports say of a component and a call, the same in every format: a component's
// kind and engine, and a call labelled with its share and the timeout and retries it has.
import { formatDuration, formatShare, type Call, type Component } from '@topo/model';

/** `service`, `cassandra datastore`, `redis cache`. */
export function kindText(c: Component): string {
  return c.kind === 'service' ? 'service' : `${c.engine} ${c.kind}`;
}

/** `80% · timeout 400ms · 1 retry`, or '' for a plain call. */
export function callLabel(call: Call): string {
  const parts = [
    call.group === 'route' && call.routeShare !== undefined ? formatShare(call.routeShare) : call.share < 1 ? `${formatShare(call.share)} of requests` : '',
    call.group === 'parallel' ? 'parallel' : '',
    call.timeoutMs !== undefined ? `timeout ${formatDuration(call.timeoutMs)}` : 'no timeout',
    call.retries > 0 ? `${call.retries} ${call.retries === 1 ? 'retry' : 'retries'}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
