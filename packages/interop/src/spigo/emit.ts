// The plan written as a Topo file in the house style of the language reference: one
// declaration after another with a blank line between, one property per line indented by
// two spaces, comments above what they explain.
import { formatDuration } from '@topo/model';
import { SPIGO_ZONES } from './packages.js';
import type { Plan, PlanCall, PlanComponent, PlanScenario } from './plan.js';
import { TIMEOUT_RULE } from './timeouts.js';
import { block, comment, declaration, quote, stepLines } from '../topo-text.js';

export function emitTopo(plan: Plan, fileName: string | undefined): string {
  const blocks = [
    header(plan, fileName),
    ...plan.regions.map((r) => block(`region ${r}`, ['provider aws', `zones ${SPIGO_ZONES.join(', ')}`])),
    ...plan.components.map(component),
    ...plan.scenarios.map(scenario),
  ];
  return blocks.join('\n\n') + '\n';
}

function header(plan: Plan, fileName: string | undefined): string {
  const source = [fileName, plan.version].filter(Boolean).join(', ');
  return [
    ...comment(
      `Imported by \`topo import spigo\` from the spigo architecture ${plan.name}${source ? ` (${source})` : ''}.`,
      `spigo gives no work times and no timeouts: work is Topo's default, and ${TIMEOUT_RULE}, so every budget holds and timeouts shrink from the edge.`,
      `spigo's eureka registries are Topo's built-in discovery, and spigo's three zones per region keep their names.`,
    ),
    `architecture ${plan.name}${plan.description ? ` ${quote(plan.description)}` : ''}`,
  ].join('\n');
}

function component(c: PlanComponent): string {
  const lines: string[] = [];
  if (c.layer) lines.push(`layer ${c.layer}`);
  if (c.regions) lines.push(`regions ${c.regions.join(', ')}`);
  if (c.owns.length > 0) lines.push(`owns ${c.owns.join(', ')}`);
  lines.push(`instances ${c.instances}`);
  if (c.replication !== undefined) lines.push(`replication ${c.replication}`);
  if (c.engine === 'cassandra') lines.push('read ONE', 'write ONE');
  if (c.deadlineMs !== undefined) lines.push(`deadline ${formatDuration(c.deadlineMs)}`);
  lines.push(...stepLines(c.steps, callText));
  return declaration(c, lines);
}

function callText(call: PlanCall): string {
  return [call.target, call.onMiss && `on miss ${call.onMiss}`, call.timeoutMs !== undefined && `timeout ${formatDuration(call.timeoutMs)}`].filter(Boolean).join(' ');
}

function scenario(s: PlanScenario): string {
  const lines = s.loads.map((l) => `load ${l.rps} rps into ${l.target} for ${formatDuration(s.durationMs)}`);
  if (s.kill) lines.push(`chaos kill 1 of ${s.kill.target} at ${formatDuration(s.kill.atMs)}`);
  return [...comment(...s.comments), block(`scenario ${s.name}`, lines)].join('\n');
}
