// The plan written as a Topo file in house style (see topo-text.ts).
import { formatDuration } from '@topo/model';
import { block, comment, declaration, stepLines } from '../topo-text.js';
import type { KubeCall, KubeComponent, KubePlan, KubeScenario } from './plan.js';

export function emitKubernetes(plan: KubePlan): string {
  const blocks = [header(plan), ...plan.components.map(component), ...(plan.scenario ? [scenario(plan.scenario)] : [])];
  return blocks.join('\n\n') + '\n';
}

function header(plan: KubePlan): string {
  return [
    ...comment(
      `Imported by \`topo import kubernetes\` from ${plan.files.join(', ')}.`,
      'A component per Deployment and StatefulSet, an instance per pod; calls from the addresses in their environment,' +
        " with the routes, timeouts and retries of the Istio mesh where it sets them. Kubernetes gives no work times: work is Topo's default," +
        ' and a call the mesh gives no timeout has none.',
    ),
    `architecture ${plan.name}`,
  ].join('\n');
}

function component(c: KubeComponent): string {
  const lines: string[] = [];
  if (c.owns.length > 0) lines.push(`owns ${c.owns.join(', ')}`);
  lines.push(`instances ${c.instances}${c.instanceType ? ` of ${c.instanceType}` : ''}`);
  if (c.replication !== undefined) lines.push(`replication ${c.replication}`);
  if (c.queue !== undefined) lines.push(`queue ${c.queue}`);
  lines.push(...stepLines(c.steps, callText));
  return declaration(c, lines);
}

function callText(call: KubeCall): string {
  return [
    call.target,
    call.share !== undefined && `share ${call.share}%`,
    call.timeoutMs !== undefined && `timeout ${formatDuration(call.timeoutMs)}`,
    call.retries !== undefined && `retries ${call.retries}`,
    call.breaker,
    call.bulkhead !== undefined && `bulkhead ${call.bulkhead}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function scenario(s: KubeScenario): string {
  const lines = [...s.loads];
  for (const c of s.chaos) lines.push(...comment(c.comment), c.line);
  return [...comment(...s.comments), block(`scenario ${s.name}`, lines)].join('\n');
}
