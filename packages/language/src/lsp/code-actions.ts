// Quick fixes for the budget, retry, queue, route and entity rules, the source action "Fix
// timeout budgets" that rewrites a file's timeouts so every budget holds, and "Simulate the
// fix" on budget findings, which asks the editor to compare the file with that fix; and on
// `instances`, the count the last simulation of the file sized it to.
import type { AstNode, LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
  clientNetworkMs,
  componentIndex,
  DEFAULT_RETRY_BUDGET,
  formatDuration,
  formatShare,
  queueWait,
  readableTimeoutAtLeast,
  readableTimeoutAtMost,
  type Call,
} from '@topo/model';
import type { Call as AstCall, Cache, Datastore, Instances, Route, Service } from '../generated/ast.js';
import { TopoCommands } from '../commands.js';
import type { Analysis, TopoModels } from '../models.js';
import type { LastRuns } from '../right-sizing.js';
import { propertySpan } from '../cst-spans.js';
import { timeoutBudgetEdits } from '../timeout-budget-edits.js';
import { rightSizingLabel } from './code-lens.js';
import { ignoreFindingAction } from './ignore-action.js';
import { modelCall, nodeAt } from './locate.js';

export const FIX_TIMEOUT_BUDGETS_KIND = `${CodeActionKind.Source}.fixTimeoutBudgets`;

type Fixer = (ctx: FixContext) => CodeAction[];

interface FixContext {
  document: LangiumDocument;
  diagnostic: Diagnostic;
  analysis: Analysis;
}

export class TopoCodeActionProvider implements CodeActionProvider {
  constructor(
    private readonly models: TopoModels,
    private readonly lastRuns: LastRuns,
  ) {}

  getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
    const analysis = this.models.analysisOf(document);
    const actions = params.context.diagnostics.flatMap((diagnostic) => {
      const fixer = FIXERS[String(diagnostic.code)];
      return fixer ? fixer({ document, diagnostic, analysis }) : [];
    });
    const wanted = params.context.only;
    const quickFixes = !wanted || wanted.some((k) => CodeActionKind.QuickFix.startsWith(k));
    const simulate = simulateTheFix(document, params.context.diagnostics);
    if (simulate && quickFixes) actions.push(simulate);
    if (quickFixes) actions.push(...params.context.diagnostics.flatMap((d) => ignoreFindingAction(document, d) ?? []));
    const rightSize = quickFixes ? this.rightSizeAction(document, params.range, analysis) : undefined;
    if (rightSize) actions.push(rightSize);
    if (!wanted || wanted.some((k) => FIX_TIMEOUT_BUDGETS_KIND.startsWith(k))) {
      const fix = fixTimeoutBudgets(document, analysis);
      if (fix) actions.push(fix);
    }
    return actions;
  }

  /** On `instances`, the count the last simulation of the file would size it to. */
  private rightSizeAction(document: LangiumDocument, range: Range, analysis: Analysis): CodeAction | undefined {
    const node = nodeAt<Instances>(document, range.start, ['Instances']);
    const count = node && propertySpan(node, 'count')?.value.range;
    const c = node && componentIndex(analysis.model).get(node.$container.name);
    if (!count || !c) return undefined;
    const sized = this.lastRuns.sizing(document.uri.toString(), c.name, c.instancesPerRegion);
    if (!sized || sized.suggested === sized.instances) return undefined;
    return {
      title: `Set instances to ${sized.suggested}: ${rightSizingLabel(sized)}`,
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [document.uri.toString()]: [{ range: count, newText: String(sized.suggested) }] } },
    };
  }
}

const FIXERS: Record<string, Fixer> = {
  'timeout-budget': ({ document, diagnostic, analysis }) => {
    const at = callAt(document, diagnostic, analysis);
    const need = at && analysis.context.need(at.call.target);
    if (!at || !need || !Number.isFinite(need.ms)) return [];
    const network = analysis.context.callNetworkMs(at.call);
    const timeout = readableTimeoutAtLeast(need.ms + network);
    return replaceProperty(document, diagnostic, at.node, 'timeout', formatDuration(timeout), `Raise the timeout to ${formatDuration(timeout)} (${at.call.target} needs ${formatDuration(need.ms)}, its round trip ${formatDuration(network)})`);
  },
  'missing-timeout': ({ document, diagnostic, analysis }) => {
    const at = callAt(document, diagnostic, analysis);
    const target = at && propertySpan(at.node, 'target')?.value;
    if (!at || !target) return [];
    const need = analysis.context.need(at.call.target);
    const network = analysis.context.callNetworkMs(at.call);
    const timeout = need && Number.isFinite(need.ms) ? readableTimeoutAtLeast(need.ms + network) : DEFAULT_TIMEOUT_MS;
    const why = need && Number.isFinite(need.ms) ? `${at.call.target} needs ${formatDuration(need.ms)}, its round trip ${formatDuration(network)}` : `${at.call.target} has unbounded calls of its own`;
    const range = { start: target.range.end, end: target.range.end };
    return [quickFix(`Add timeout ${formatDuration(timeout)} (${why})`, document, diagnostic, [{ range, newText: ` timeout ${formatDuration(timeout)}` }])];
  },
  'retry-same-instance': ({ document, diagnostic, analysis }) => {
    const at = callAt(document, diagnostic, analysis);
    if (!at || at.call.retry !== 'same') return [];
    return replaceProperty(document, diagnostic, at.node, 'retry', 'different', 'Retry on a different instance');
  },
  'connect-timeout': ({ document, diagnostic, analysis }) => {
    const at = callAt(document, diagnostic, analysis);
    if (!at || at.call.timeoutMs === undefined) return [];
    const connect = readableTimeoutAtMost(at.call.timeoutMs / 2);
    if (!(connect > 0 && connect < at.call.timeoutMs)) return [];
    return replaceProperty(document, diagnostic, at.node, 'connect', formatDuration(connect), `Make connect ${formatDuration(connect)}, less than the timeout`);
  },
  'route-shares': ({ document, diagnostic }) => {
    const service = nodeAt<Service>(document, diagnostic.range.start, ['Service']);
    const routes = service?.steps.filter((s): s is Route => s.$type === 'Route') ?? [];
    const shares = routes.map((r) => Number.parseFloat(r.routeShare ?? '0'));
    const sum = shares.reduce((a, b) => a + b, 0);
    if (routes.length === 0 || sum <= 0) return [];
    const scaled = normaliseTo100(shares);
    const edits = routes.flatMap((r, i) => {
      const cst = propertySpan(r, 'routeShare')?.value;
      return cst ? [{ range: cst.range, newText: formatShare(scaled[i]! / 100) }] : [];
    });
    return [quickFix(`Scale the route shares to sum to 100% (${scaled.map((s) => `${s}%`).join(', ')})`, document, diagnostic, edits)];
  },
  'whole-entity': ({ document, diagnostic, analysis }) => {
    const entity = document.textDocument.getText(diagnostic.range);
    const service = nodeAt<Service>(document, diagnostic.range.start, ['Service']);
    const listed = new Set(service?.uses.map((u) => u.$refText) ?? []);
    const facets = analysis.model.facets.filter((f) => f.entity === entity);
    // A facet the line uses already: the whole entity only goes, or the line would name it twice.
    const used = facets.filter((f) => listed.has(f.name));
    if (used.length > 0) {
      const names = used.map((f) => f.name).join(', ');
      return [quickFix(`Remove the whole ${entity}: it uses ${names} already`, document, diagnostic, [{ range: listItemRange(document, diagnostic.range), newText: '' }])];
    }
    return facets.map((f) => quickFix(`Use the facet ${f.name} instead of the whole ${entity}`, document, diagnostic, [{ range: diagnostic.range, newText: f.name }]));
  },
  'deadline-budget': ({ document, diagnostic, analysis }) => {
    const service = nodeAt<Service>(document, diagnostic.range.start, ['Service']);
    const need = service && analysis.context.need(service.name)?.ms;
    if (!service || need === undefined || !Number.isFinite(need)) return [];
    const network = clientNetworkMs(analysis.model.network);
    const deadline = readableTimeoutAtLeast(need + network);
    return replaceProperty(document, diagnostic, service, 'deadline', formatDuration(deadline), `Raise the deadline to ${formatDuration(deadline)} (the edge needs ${formatDuration(need)}, the client's round trip ${formatDuration(network)})`);
  },
  'retry-amplification': ({ document, diagnostic, analysis }) => {
    const at = callAt(document, diagnostic, analysis);
    const end = at?.node.$cstNode?.range.end;
    if (!at || !end || at.call.retryBudget !== undefined || at.call.retries === 0) return [];
    const budget = formatShare(DEFAULT_RETRY_BUDGET);
    return [quickFix(`Add a retry budget (${budget})`, document, diagnostic, [{ range: { start: end, end }, newText: ` retry budget ${budget}` }])];
  },
  'queue-timeout': ({ document, diagnostic, analysis }) => {
    const node = nodeAt<Service | Datastore | Cache>(document, diagnostic.range.start, ['Service', 'Datastore', 'Cache']);
    const component = node && analysis.context.component(node.name);
    const wait = component && queueWait(analysis.context, component);
    if (!node || !wait || !Number.isFinite(wait.fits)) return [];
    return replaceProperty(document, diagnostic, node, 'queue', String(wait.fits), `Shrink the queue to ${wait.fits} (callers wait at most ${formatDuration(wait.longestWaitMs)}, less ${formatDuration(component.work.meanMs)} work and the ${formatDuration(wait.networkMs)} round trip)`);
  },
  // On a call, a deadline or a queue: the fix of the budget rule that speaks on the same property.
  'timeout-headroom': (ctx) => FIXERS[budgetRuleOf(ctx.document, ctx.diagnostic)]!(ctx),
};

/** A missing timeout with nothing to size it by: a second, the common default of clients. */
const DEFAULT_TIMEOUT_MS = 1000;

/** Whole percentages proportional to the shares, summing to exactly 100. */
function normaliseTo100(shares: number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (s / sum) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  // Largest remainders first, then in order: the same input gives the same output.
  const order = exact.map((e, i) => [e - floors[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i]!++;
  }
  return floors;
}

function callAt(document: LangiumDocument, diagnostic: Diagnostic, analysis: Analysis): { node: AstCall | Route; call: Call } | undefined {
  const node = nodeAt<AstCall | Route>(document, diagnostic.range.start, ['Call', 'Route']);
  const call = node && modelCall(analysis.model, document, node);
  return node && call ? { node, call } : undefined;
}

/** A name in a comma-separated list with the comma that joins it to the list: removing it leaves the list well formed. */
function listItemRange(document: LangiumDocument, range: Range): Range {
  const text = document.textDocument;
  const [start, end] = [text.offsetAt(range.start), text.offsetAt(range.end)];
  const all = text.getText();
  const before = /,\s*$/.exec(all.slice(0, start));
  if (before) return { start: text.positionAt(start - before[0].length), end: range.end };
  const after = /^\s*,\s*/.exec(all.slice(end));
  return { start: range.start, end: text.positionAt(end + (after?.[0].length ?? 0)) };
}

function valueRange(node: AstNode, property: string): Range | undefined {
  return propertySpan(node, property)?.value.range;
}

function replaceProperty(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode, property: string, newText: string, title: string): CodeAction[] {
  const range = valueRange(node, property);
  return range ? [quickFix(title, document, diagnostic, [{ range, newText }])] : [];
}

function quickFix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri.toString()]: edits } },
  };
}

/** The budget rule that speaks on the property a diagnostic marks: timeout-headroom's own is one of these. */
function budgetRuleOf(document: LangiumDocument, diagnostic: Diagnostic): string {
  if (diagnostic.code !== 'timeout-headroom') return String(diagnostic.code);
  const property = document.textDocument.getText(diagnostic.range).split(/\s/, 1)[0];
  return property === 'deadline' ? 'deadline-budget' : property === 'queue' ? 'queue-timeout' : 'timeout-budget';
}

/** Findings that "Fix timeout budgets" answers (its timeouts leave room for the round trip): they offer to simulate the fix. */
const SIMULATE_THE_FIX_RULES = new Set(['timeout-budget', 'deadline-budget']);

/** "Simulate the fix": the editor's compare view, the file as written against its budgets fixed. */
function simulateTheFix(document: LangiumDocument, diagnostics: Diagnostic[]): CodeAction | undefined {
  const budgets = diagnostics.filter((d) => SIMULATE_THE_FIX_RULES.has(budgetRuleOf(document, d)));
  if (budgets.length === 0) return undefined;
  const title = 'Simulate the fix';
  return { title, kind: CodeActionKind.QuickFix, diagnostics: budgets, command: { title, command: TopoCommands.compareFixed, arguments: [document.uri.toString()] } };
}

/** "Fix timeout budgets": the planned timeouts of the calls written in this file. */
function fixTimeoutBudgets(document: LangiumDocument, analysis: Analysis): CodeAction | undefined {
  const edits = timeoutBudgetEdits(document, analysis);
  if (edits.length === 0) return undefined;
  return {
    title: `Fix timeout budgets (${edits.length} timeout${edits.length === 1 ? '' : 's'})`,
    kind: FIX_TIMEOUT_BUDGETS_KIND,
    edit: { changes: { [document.uri.toString()]: edits } },
  };
}
