// Hover: the budget arithmetic where the cursor is. On a call, its cost, the target's need
// and the margin; on a service, its need by call, its worst reach, its coupling; on a
// datastore or cache, replication and callers; on a petal, its memory used of total; on a
// region, its grid factors, what runs there and its carbon; on a team, what it runs and its
// calls across teams; on an entity or facet, who provides and uses it; on a scenario, its
// lines in words.
import type { AstNode, LangiumDocument, References } from 'langium';
import { componentCarbon, formatKgCO2e, regionFactors, type CarbonReport, type CarbonTotals, type FactorSource } from '@topo/carbon';
import { CstUtils } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
  coupling,
  DEFAULT_SCENARIO_SEED,
  DEFAULT_WARMUP_MS,
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
  plural,
  scenarioLengthMs,
  significant,
  type AnalysisContext,
  type Call,
  type Chaos,
  type Component,
  type ComponentKind,
  type Load,
  type Model,
  type Region,
  type Users,
} from '@topo/model';
import type { TopoModels } from '../models.js';
import { modelCall, nodeAt } from './locate.js';

const DECLARATIONS = ['Service', 'Datastore', 'Cache', 'Petal', 'Region', 'Team', 'Entity', 'Facet', 'Scenario'] as const;
type Declaration = AstNode & { $type: (typeof DECLARATIONS)[number]; name: string };

const KINDS: readonly ComponentKind[] = ['service', 'datastore', 'cache'];
/** Past this many names a list says "and N more", so a hover on a big team stays readable. */
const LIST_CAP = 12;

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
    return target && this.describeDeclaration(document, target, ctx);
  }

  private describeDeclaration(document: LangiumDocument, target: Declaration, ctx: AnalysisContext): string | undefined {
    switch (target.$type) {
      case 'Petal':
        return describePetal(target.name, ctx);
      case 'Region':
        return describeRegion(target.name, ctx, this.models.carbonOf(document));
      case 'Team':
        return describeTeam(target.name, ctx);
      case 'Entity':
        return describeEntity(target.name, ctx.model);
      case 'Facet':
        return describeFacet(target.name, ctx.model);
      case 'Scenario':
        return describeScenario(target.name, ctx.model);
      default:
        return describeComponent(target.name, ctx, this.models.carbonOf(document));
    }
  }

  /** The declaration the cursor names: the referenced one on a reference, else the one around it. */
  private referencedOrDeclared(document: LangiumDocument, params: HoverParams): Declaration | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position));
    const declared = leaf && this.references.findDeclarations(leaf)[0];
    if (declared && (DECLARATIONS as readonly string[]).includes(declared.$type)) return declared as Declaration;
    return nodeAt<Declaration>(document, params.position, DECLARATIONS);
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
  if (footprint) lines.push(`- ${describeCarbon(footprint)}`);
  return lines.join('\n');
}

/** A month's carbon as the editor estimates it: at CCF's default utilisation. */
function describeCarbon(t: CarbonTotals): string {
  return `carbon: ${formatKgCO2e(t.totalKgCO2ePerMonth)}/month at 50% CPU (${formatKgCO2e(t.operationalKgCO2ePerMonth)} operational + ${formatKgCO2e(t.embodiedKgCO2ePerMonth)} embodied)`;
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

export function describeRegion(name: string, ctx: AnalysisContext, carbon: CarbonReport): string | undefined {
  const region = ctx.model.regions.find((r) => r.name === name);
  if (!region) return undefined;
  const factors = regionFactors(region);
  const row = carbon.regions.find((r) => r.name === name);
  return [
    `**region ${name}** · ${region.provider} · zones ${region.zones.join(', ')}`,
    '',
    `- grid ${significant(factors.grid)} gCO2e/kWh, ${factorSource(factors.gridSource, region)}`,
    `- PUE ${significant(factors.pue, 4)}, ${factorSource(factors.pueSource, region)}`,
    ...describePlacement(ctx.components, name),
    ...(row ? [`- ${describeCarbon(row)}`] : []),
  ].join('\n');
}

function factorSource(source: FactorSource, region: Region): string {
  if (source === 'model') return 'set in the file';
  if (source === 'ccf') return `from Cloud Carbon Footprint's ${region.provider} figures`;
  return `the average of Cloud Carbon Footprint's ${region.provider} table, which has no ${region.name}`;
}

/** What runs in a region, by kind, with its instances there (per region, as `instances` says). */
function describePlacement(components: readonly Component[], region: string): string[] {
  const here = components.filter((c) => c.regions.includes(region));
  if (here.length === 0) return ['- nothing runs here'];
  const instancesOf = (c: Component) => c.placement.filter((p) => p.region === region).reduce((n, p) => n + p.count, 0);
  const byKind = KINDS.flatMap((kind) => {
    const ofKind = here.filter((c) => c.kind === kind);
    if (ofKind.length === 0) return [];
    const managed = ofKind.filter((c) => c.managed).length;
    const instances = ofKind.reduce((n, c) => n + instancesOf(c), 0);
    return [`${plural(ofKind.length, kind)} (${plural(instances, 'instance')}${managed > 0 ? `, ${managed} managed` : ''})`];
  });
  const total = here.reduce((n, c) => n + instancesOf(c), 0);
  const lines = [`- runs ${byKind.join(', ')}: ${plural(total, 'instance')}`];
  const autoscaled = here.filter((c) => c.autoscale).map((c) => c.name);
  if (autoscaled.length > 0) lines.push(`  - autoscaled, counted as they start: ${capped(autoscaled)}`);
  return lines;
}

export function describeTeam(name: string, ctx: AnalysisContext): string | undefined {
  if (!ctx.model.teams.some((t) => t.name === name)) return undefined;
  const members = ctx.components.filter((c) => c.team === name);
  const lines = [`**team ${name}**`, ''];
  for (const kind of KINDS) {
    const names = members.filter((c) => c.kind === kind).map((c) => c.name);
    if (names.length > 0) lines.push(`- ${plural(names.length, kind)}: ${capped(names)}`);
  }
  if (members.length === 0) lines.push(`- no service, datastore or cache says \`team ${name}\``);
  lines.push(...describeCrossTeamCalls(name, members, ctx));
  return lines.join('\n');
}

/** Calls between this team's components and another team's; a side without a team counts as neither. */
function describeCrossTeamCalls(team: string, members: readonly Component[], ctx: AnalysisContext): string[] {
  const teamOf = (name: string) => ctx.component(name)?.team;
  const otherTeam = (name: string) => teamOf(name) !== undefined && teamOf(name) !== team;
  const out = members.flatMap((c) => ctx.callsFrom(c.name)).filter((call) => otherTeam(call.target));
  const into = members.flatMap((c) => ctx.callsInto(c.name)).filter((call) => otherTeam(call.from));
  const listed = (calls: readonly Call[], show: (call: Call) => string) => (calls.length > 0 ? `: ${capped(calls.map(show))}` : '');
  return [
    `- calls out to other teams: ${plural(out.length, 'call')}${listed(out, (c) => `${c.from} → ${c.target} (${teamOf(c.target)})`)}`,
    `- calls in from other teams: ${plural(into.length, 'call')}${listed(into, (c) => `${c.from} (${teamOf(c.from)}) → ${c.target}`)}`,
  ];
}

export function describeEntity(name: string, model: Model): string | undefined {
  if (!model.entities.some((e) => e.name === name)) return undefined;
  const facets = model.facets.filter((f) => f.entity === name).map((f) => f.name);
  // An entity is reached through its facets too: say which one, or that it is the whole.
  const which = (used: string) => (used === name ? 'whole' : `facet ${used}`);
  return [`**entity ${name}**`, '', `- facets: ${capped(facets) || 'none'}`, ...describeProvidersAndUsers(model, [name, ...facets], which)].join('\n');
}

export function describeFacet(name: string, model: Model): string | undefined {
  const facet = model.facets.find((f) => f.name === name);
  if (!facet) return undefined;
  return [`**facet ${name} of ${facet.entity}**`, '', ...describeProvidersAndUsers(model, [name])].join('\n');
}

/** The services that `provides` and that `uses` one of `names`, each with `which` name when given. */
function describeProvidersAndUsers(model: Model, names: readonly string[], which?: (name: string) => string): string[] {
  const label = (service: string, name: string) => (which ? `${service} (${which(name)})` : service);
  const providers = model.services.flatMap((s) => s.provides.filter((p) => names.includes(p)).map((p) => label(s.name, p)));
  const users = model.services.flatMap((s) => s.uses.filter((u) => names.includes(u.name)).map((u) => label(s.name, u.name)));
  return [`- provided by: ${capped(providers) || 'none'}`, `- used by: ${capped(users) || 'none'}`];
}

export function describeScenario(name: string, model: Model): string | undefined {
  const scenario = model.scenarios.find((s) => s.name === name);
  if (!scenario) return undefined;
  const lines = [`**scenario ${name}**`, '', `- runs ${formatDuration(scenarioLengthMs(scenario))}: until its last line ends`];
  lines.push(...scenario.loads.map((l) => `- ${describeLoad(l)}`), ...scenario.users.map((u) => `- ${describeUsers(u)}`));
  if (scenario.warmupMs !== DEFAULT_WARMUP_MS) lines.push(`- warmup ${formatDuration(scenario.warmupMs)}: excluded from statistics`);
  if (scenario.seed !== DEFAULT_SCENARIO_SEED) lines.push(`- seed ${scenario.seed}`);
  lines.push(...scenario.chaos.map((c) => `- chaos ${describeFault(c)}`));
  return lines.join('\n');
}

function describeLoad(l: Load): string {
  const rate = l.toRps === l.rps ? `${l.rps} rps` : `${l.rps} → ${l.toRps} rps (a linear ramp)`;
  return `load ${rate} into ${l.target} ${describeSpan(l)}`;
}

function describeUsers(u: Users): string {
  return `${plural(u.count, 'user')} thinking ${formatDuration(u.thinkMs)} between requests, into ${u.target} ${describeSpan(u)}`;
}

function describeSpan(line: Load | Users): string {
  return `from ${formatDuration(line.fromMs)} for ${formatDuration(line.durationMs)}`;
}

function describeFault(c: Chaos): string {
  switch (c.kind) {
    case 'kill':
      return `kill ${plural(c.count, 'instance')} of ${c.target} ${describeFaultTime(c)}`;
    case 'slow':
      return `slow ${struck(c.count)} of ${c.target} by ${formatDuration(c.byMs)} ${describeFaultTime(c)}`;
    case 'fail':
      return `fail ${formatShare(c.share)} of the requests to ${struck(c.count)} of ${c.target} ${describeFaultTime(c)}`;
    case 'zone':
      return `zone ${c.region}.${c.zone} down at ${formatDuration(c.atMs)} for ${formatDuration(c.forMs)}`;
    case 'monkey':
      return `monkey: every ${formatDuration(c.everyMs)} one random instance of a service without \`chaos optout\` dies`;
  }
}

/** Without `N of`, slow and fail strike every instance of the target. */
function struck(count: number | undefined): string {
  return count === undefined ? 'every instance' : plural(count, 'instance');
}

function describeFaultTime(c: { atMs: number; forMs?: number }): string {
  return `at ${formatDuration(c.atMs)} ${c.forMs === undefined ? 'to the end of the run' : `for ${formatDuration(c.forMs)}`}`;
}

/** Names joined by commas, the first LIST_CAP of them and then how many more. */
function capped(names: readonly string[]): string {
  const shown = names.slice(0, LIST_CAP).join(', ');
  return names.length > LIST_CAP ? `${shown} and ${names.length - LIST_CAP} more` : shown;
}
