// Hover: the budget arithmetic where the cursor is. On a call, its cost, the target's need
// and the margin; on a service, its need by call, its worst reach, its coupling; on a
// datastore or cache, replication and callers; on a petal, its memory used of total.
import type { AstNode, LangiumDocument, References } from 'langium';
import { componentCarbon, formatKgCO2e, type CarbonReport } from '@topo/carbon';
import { CstUtils } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
  coupling,
  describeResilience,
  formatAutoscale,
  formatCallCost,
  formatDuration,
  formatNeed,
  formatReach,
  formatShare,
  formatSize,
  multiply,
  petalMemoryUse,
  queueFitText,
  queueWait,
  reachAttempts,
  type AnalysisContext,
  type Call,
  type Component,
  type Model,
} from '@topo/model';
import type { Petal } from '../generated/ast.js';
import type { TopoModels } from '../models.js';
import { modelCall, nodeAt } from './locate.js';

const DECLARATIONS = ['Service', 'Datastore', 'Cache', 'Petal'] as const;

export class TopoHoverProvider implements HoverProvider {
  constructor(
    private readonly models: TopoModels,
    private readonly references: References,
  ) {}

  getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
    const { model, context } = this.models.analysisOf(document);
    const markdown = this.describe(document, params, model, context);
    return markdown ? { contents: { kind: 'markdown', value: markdown } } : undefined;
  }

  private describe(document: LangiumDocument, params: HoverParams, model: Model, ctx: AnalysisContext): string | undefined {
    const call = nodeAt(document, params.position, ['Call', 'Route']);
    if (call) {
      const c = modelCall(model, document, call);
      return c && describeCall(c, ctx);
    }
    const target = this.referencedOrDeclared(document, params);
    if (!target) return undefined;
    if (target.$type === 'Petal') return describePetal((target as Petal).name, ctx);
    return describeComponent((target as AstNode & { name: string }).name, ctx, this.models.carbonOf(document));
  }

  /** The declaration the cursor names: the referenced one on a reference, else the one around it. */
  private referencedOrDeclared(document: LangiumDocument, params: HoverParams): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position));
    const declared = leaf && this.references.findDeclarations(leaf)[0];
    if (declared && (DECLARATIONS as readonly string[]).includes(declared.$type)) return declared;
    return nodeAt(document, params.position, DECLARATIONS);
  }
}

export function describeCall(call: Call, ctx: AnalysisContext): string {
  const cost = ctx.cost(call);
  const need = ctx.need(call.target);
  const lines = [`**call ${call.from} → ${call.target}**${call.routeShare !== undefined ? ` (route ${formatShare(call.routeShare)})` : ''}`, ''];
  lines.push(`- cost: ${formatCallCost(cost)}`);
  if (need) lines.push(`- ${call.target} needs ${formatNeed(need)}`);
  if (call.timeoutMs !== undefined && need && Number.isFinite(need.ms)) {
    const margin = call.timeoutMs - need.ms;
    lines.push(
      margin >= 0
        ? `- margin: ${formatDuration(margin)} (timeout ${formatDuration(call.timeoutMs)} − need ${formatDuration(need.ms)})`
        : `- **short by ${formatDuration(-margin)}**: the caller gives up while ${call.target} still works`,
    );
  }
  const reach = ctx.reach(call.from);
  const attempts = reachAttempts(call);
  if (reach) lines.push(`- ${call.from} runs ${formatReach(reach)}; this call multiplies it by ${attempts}`);
  if (reach && call.retryBudget !== undefined && call.retries > 0) {
    lines.push(
      `- worst case: ${call.target} reached ×${multiply(reach.times, attempts)} from ${reach.entry} with the retry budget (1 + min(${call.retries} retries, ${formatShare(call.retryBudget)})), ×${multiply(reach.times, cost.attempts)} without it; the time it may take is the same`,
    );
  }
  lines.push(...describeResilience(call).map((l) => `- ${l}`));
  if (ctx.inCycle(call)) lines.push('- part of a dependency cycle: no budget can hold around it');
  return lines.join('\n');
}

export function describeComponent(name: string, ctx: AnalysisContext, carbon?: CarbonReport): string | undefined {
  const c = ctx.component(name);
  if (!c) return undefined;
  const facts = [c.kind === 'service' && c.layer ? `layer ${c.layer}` : undefined, c.team ? `team ${c.team}` : undefined];
  const where = c.managed ? 'managed' : `${c.instancesPerRegion} × ${c.instanceType} in ${c.regions.join(', ')}`;
  const lines = [`**${c.kind === 'service' ? 'service' : c.engine} ${c.name}** · ${[where, ...facts].filter(Boolean).join(' · ')}`, ''];
  const need = ctx.need(name)!;
  lines.push(`- need: ${formatNeed(need)}`);
  if (c.kind === 'service') {
    for (const call of c.calls) lines.push(`  - ${call.target}: ${formatCallCost(ctx.cost(call))}`);
  }
  const reach = ctx.reach(name);
  if (reach) lines.push(`- worst reach: ${formatReach(reach)}`);
  const k = coupling(ctx, name);
  lines.push(`- callers: ${k.callers.join(', ') || 'none'}`);
  if (c.kind === 'service') {
    lines.push(`- callees: ${k.callees.join(', ') || 'none'}`);
    const instability = k.instability === undefined ? 'n/a' : k.instability.toFixed(2);
    lines.push(`- coupling: Ca ${k.afferent}, Ce ${k.efferent}, instability Ce/(Ca+Ce) = ${instability}`);
  }
  if (c.kind === 'datastore') {
    lines.push(`- replication ${c.replication} · read ${c.read} · write ${c.write}`);
  }
  if (c.kind === 'cache') lines.push(`- hit ratio ${formatShare(c.hit)}`);
  if (c.queue !== undefined) lines.push(`- ${describeQueue(c, c.queue, ctx)}`);
  if (c.lock !== undefined) lines.push(`- lock ${formatShare(c.lock)}: that share of each request's work holds one lock per instance, one request at a time (contention: the USL's σ)`);
  const a = c.autoscale;
  if (a) {
    lines.push(
      `- ${formatAutoscale(a)}: per region, from ${c.instancesPerRegion}, the count becomes ceil(count × utilisation / ${formatShare(a.target)}) every ${formatDuration(a.everyMs)}; a new instance serves ${formatDuration(a.warmupMs)} after it starts; scale-in drains the least busy`,
    );
  }
  const footprint = carbon && componentCarbon(carbon, name);
  if (footprint) lines.push(`- carbon: ${formatKgCO2e(footprint.totalKgCO2ePerMonth)}/month at 50% CPU (${formatKgCO2e(footprint.operationalKgCO2ePerMonth)} operational + ${formatKgCO2e(footprint.embodiedKgCO2ePerMonth)} embodied)`);
  return lines.join('\n');
}

/** `queue 200` with what a full queue holds, against the longest a caller waits. */
function describeQueue(c: Component, queue: number, ctx: AnalysisContext): string {
  const { threads, work } = c;
  const holds = `queue ${queue} per instance beyond its ${threads} threads: a full queue holds its last request about ${formatDuration((queue * work.meanMs) / threads)} (${queue} × ${formatDuration(work.meanMs)} work / ${threads} threads); an arrival that finds it full is rejected at once`;
  const wait = queueWait(ctx, c);
  return wait ? `${holds}; callers wait at most ${formatDuration(wait.longestWaitMs)}, ${queueFitText(wait, c)}` : holds;
}

export function describePetal(name: string, ctx: AnalysisContext): string | undefined {
  const petal = ctx.model.petals.find((p) => p.name === name);
  if (!petal) return undefined;
  const use = petalMemoryUse(ctx, petal);
  return [
    `**petal ${petal.name}** in ${petal.region} · ${petal.replicas} replicas`,
    '',
    `- memory: ${formatSize(use.total)} used${petal.memoryBytes === undefined ? ' (the petal declares no memory)' : ` of ${formatSize(petal.memoryBytes)}`}`,
    ...use.parts.map((m) => `  - ${m.name}: ${m.instances} × ${formatSize(m.bytes)}`),
  ].join('\n');
}
