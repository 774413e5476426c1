// The plan written as a Topo file in the house style of the language reference: one
// declaration after another with a blank line between, one property per line indented by
// two spaces, comments above what they explain.
import { formatDuration } from '@topo/model';
import { SPIGO_ZONES } from './packages.js';
import type { Plan, PlanCall, PlanComponent, PlanScenario } from './plan.js';
import { TIMEOUT_RULE } from './timeouts.js';

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
  for (const step of c.steps) {
    if (step.kind === 'call') lines.push(`call ${callText(step.call)}`);
    else lines.push(...step.routes.map((r) => `route ${r.routeShare}% ${callText(r)}`));
  }
  const head = c.kind === 'service' ? `service ${c.name}` : `${c.kind} ${c.name}: ${c.engine}`;
  return [...comment(...c.comments), block(head, lines)].join('\n');
}

function callText(call: PlanCall): string {
  return [call.target, call.onMiss && `on miss ${call.onMiss}`, call.timeoutMs !== undefined && `timeout ${formatDuration(call.timeoutMs)}`].filter(Boolean).join(' ');
}

function scenario(s: PlanScenario): string {
  const lines = s.loads.map((l) => `load ${l.rps} rps into ${l.target} for ${formatDuration(s.durationMs)}`);
  if (s.kill) lines.push(`chaos kill 1 of ${s.kill.target} at ${formatDuration(s.kill.atMs)}`);
  return [...comment(...s.comments), block(`scenario ${s.name}`, lines)].join('\n');
}

function block(head: string, lines: string[]): string {
  return lines.length === 0 ? head : [`${head} {`, ...lines.map((l) => `  ${l}`), '}'].join('\n');
}

const WIDTH = 100;

/** Each text as `//` lines, wrapped at word boundaries to stay within the width. */
function comment(...texts: string[]): string[] {
  return texts.flatMap((text) => {
    const lines: string[] = [];
    let line = '//';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      if (line !== '//' && line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = '//';
      }
      line += ` ${word}`;
    }
    return [...lines, line];
  });
}

/** A Topo string: double quotes, backslashes and quotes escaped, on one line. */
function quote(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
