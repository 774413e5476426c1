// The custom requests between the VS Code extension and the language server, typed once
// and shared by both: each a RequestType (params and result) or NotificationType the server
// handles and the client sends. Only types, those constants and what a sweep's FROM:TO:STEP
// means: the client bundle imports nothing else (vscode-jsonrpc's platform-neutral entry,
// which the client has anyway, and the simulator's sweep-range.ts, which imports nothing).
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { CarbonReport } from '@topo/carbon';
import type { GroupBy } from '@topo/diagram';
import type { Model } from '@topo/model';
import type { SimulationResult, Span, SweepOver, SweepResult } from '@topo/simulator';
import type { ComparisonTable } from './comparison.js';
import type { RightSizing } from './right-sizing.js';
import type { WhatIfRun } from './what-if.js';

export type { GroupBy, RightSizing, SweepOver };
/** The sweep request's `range`, as the CLI's --sweep-rate and --sweep-users take it: the client checks what is typed. */
export { sweepRange, sweepRangeFormat } from '@topo/simulator/sweep-range';

/** Where a diagram node was declared, so a click can reveal it. */
export interface DiagramNodeSource {
  id: string;
  uri: string;
  line: number;
  character: number;
}

export interface DiagramParams {
  uri: string;
  groupBy?: GroupBy;
}

export interface DiagramResult {
  /** The SVG, or undefined when the model cannot be drawn (then `message` says why). */
  svg?: string;
  message?: string;
  nodes: DiagramNodeSource[];
}

export interface ProblemsParams {
  uri: string;
}

/** Counts of a document's diagnostics, for the preview's header. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export interface CarbonParams {
  uri: string;
  /** CPU utilisation 0..1 for every component (the `topo.carbon.utilization` setting). */
  utilization?: number;
}

export interface CarbonResult {
  report?: CarbonReport;
  message?: string;
}

export interface SimulateParams {
  uri: string;
  scenario?: string;
  seed?: number;
  /** LSP work-done progress token: the server reports percentage as the run goes. */
  workDoneToken?: string | number;
  /** Trace one request in this many; the spans come back with the result. */
  traceEvery?: number;
}

export interface SimulateResult {
  result?: SimulationResult;
  /** The spans of the traced requests, one per attempt (with `traceEvery`). */
  spans?: Span[];
  /** The instances the run says each component needs (not for a stopped run). */
  rightSizing?: RightSizing;
  message?: string;
}

export interface CompareParams {
  uri: string;
  scenario?: string;
  seed?: number;
  /** What to run beside the document as written: the document after "Fix timeout budgets". */
  against: 'fixed';
  /** LSP work-done progress token: the server reports percentage over both runs. */
  workDoneToken?: string | number;
}

/** One run: its label (`as written`, `budgets fixed`) and result. */
export type CompareRun = WhatIfRun;

export interface CompareResult {
  runs?: CompareRun[];
  /** The side-by-side table the CLI prints and the compare view draws. */
  table?: ComparisonTable;
  message?: string;
}

export interface LoadSweepParams {
  uri: string;
  scenario?: string;
  seed?: number;
  /** What the sweep varies: the total rate of the scenario's loads, or the users of its `users` lines. */
  over: SweepOver;
  /** FROM:TO:STEP (sweepRange): the rates or users of the runs. */
  range: string;
  /** LSP work-done progress token: the server reports percentage over the run and the sweep. */
  workDoneToken?: string | number;
}

/** The scenario as written, run once, and swept: what the results view draws, the bottleneck plots included. */
export interface LoadSweepResult {
  result?: SimulationResult;
  rightSizing?: RightSizing;
  /** Left out when the run was stopped, or the sweep was stopped before its last run. */
  sweep?: SweepResult;
  message?: string;
}

export interface ScenariosParams {
  uri: string;
}

export interface ScenariosResult {
  scenarios: string[];
}

export interface ModelParams {
  uri: string;
}

/** The document's model, as the exporters take it; refused (`message`) for what the simulator refuses too. */
export interface ModelResult {
  model?: Model;
  message?: string;
}

export interface ModelChangedParams {
  uri: string;
}

export const TopoRequests = {
  diagram: new RequestType<DiagramParams, DiagramResult, void>('topo/diagram'),
  problems: new RequestType<ProblemsParams, ProblemCounts, void>('topo/problems'),
  carbon: new RequestType<CarbonParams, CarbonResult, void>('topo/carbon'),
  simulate: new RequestType<SimulateParams, SimulateResult, void>('topo/simulate'),
  compare: new RequestType<CompareParams, CompareResult, void>('topo/compare'),
  sweep: new RequestType<LoadSweepParams, LoadSweepResult, void>('topo/sweep'),
  scenarios: new RequestType<ScenariosParams, ScenariosResult, void>('topo/scenarios'),
  model: new RequestType<ModelParams, ModelResult, void>('topo/model'),
} as const;

export const TopoNotifications = {
  /** Sent after a document (or a file it imports) was rebuilt: the preview pulls again. */
  modelChanged: new NotificationType<ModelChangedParams>('topo/modelChanged'),
} as const;
