// The custom requests between the VS Code extension and the language server, typed once
// and shared by both. Only types and method names: the client bundle imports nothing else.
import type { CarbonReport } from '@topo/carbon';
import type { SimulationResult, Span } from '@topo/simulator';

export type GroupBy = 'layer' | 'region' | 'team' | 'petal' | 'none';

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
  /** Counts of the document's diagnostics, for the preview's header. */
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
  message?: string;
}

export interface ScenariosParams {
  uri: string;
}

export interface ScenariosResult {
  scenarios: string[];
}

export interface ModelChangedParams {
  uri: string;
}

export const TopoRequests = {
  diagram: 'topo/diagram',
  carbon: 'topo/carbon',
  simulate: 'topo/simulate',
  scenarios: 'topo/scenarios',
} as const;

export const TopoNotifications = {
  /** Sent after a document (or a file it imports) was rebuilt: the preview pulls again. */
  modelChanged: 'topo/modelChanged',
} as const;
