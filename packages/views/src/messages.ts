// What the extension and the views say to each other, and what a view keeps across a
// reload. The same views run in a VS Code webview (data arrives as messages) and in the
// static page of `topo report` (data is embedded in the page).
import type { CarbonResult, CompareResult, CompareRun, DiagramResult, ProblemCounts, RightSizing } from '@topo/language/protocol';
import type { SimulationResult, Span, SweepResult } from '@topo/simulator';
import type { SvgEdit } from './svg-edit.js';

/** What the preview shows: the diagram and the carbon table of one file, and its problem counts. */
export interface PreviewData {
  uri: string;
  /** The file's name, for headings. */
  name: string;
  diagram: DiagramResult;
  carbon: CarbonResult;
  problems: ProblemCounts;
}

/** What the results view shows: one simulation run. */
export interface ResultsData {
  uri: string;
  name: string;
  result: SimulationResult;
  /** Spans of the traced requests, when the run was traced: exported for a tracing UI. */
  spans?: Span[];
  /** The instances the run says each component needs, and what that changes in carbon. */
  rightSizing?: RightSizing;
  /** The scenario swept over rates or users, for the bottleneck plots. */
  sweep?: SweepResult;
}


/** The side-by-side table of runs the server makes (the CLI prints the same). */
export type ComparisonTable = NonNullable<CompareResult['table']>;

/** What the compare view shows: runs of one scenario (as written, budgets fixed) and their table. */
export interface CompareData {
  uri: string;
  name: string;
  runs: CompareRun[];
  table: ComparisonTable;
}

/** The page of `topo report`: the preview, and a run when there was a scenario. */
export interface ReportData {
  preview: PreviewData;
  results?: ResultsData;
  /** When the report was made, as the page shows it. */
  generated: string;
}

/** `preview` shows the diagram and the carbon table; `carbon` the table alone. */
export type PreviewMode = 'preview' | 'carbon';

/** Pan and zoom of the diagram; `fit` follows the viewport until the user zooms or pans. */
export interface DiagramView {
  scale: number;
  x: number;
  y: number;
  fit: boolean;
}

/** Kept by the webview (getState/setState) and handed to the serializer after a reload. */
export type ViewState =
  | { kind: 'preview'; uri: string; mode: PreviewMode; view?: DiagramView }
  | { kind: 'results'; data: ResultsData }
  | { kind: 'compare'; data: CompareData };

/**
 * A preview's picture: `svg` is number `version`. When the view has the picture before it,
 * `data.diagram.svg` is left out and `edit` says what changed (svg-edit.ts); a view that does
 * not have picture `edit.base` (it was reloaded) asks again with `ready`.
 */
export interface Picture {
  version: number;
  edit?: SvgEdit;
}

export type ToView =
  | { type: 'preview'; mode: PreviewMode; data: PreviewData; picture?: Picture }
  | { type: 'results'; data: ResultsData }
  | { type: 'compare'; data: CompareData }
  /** The host could not get the data at all (the server is down, the file is gone). */
  | { type: 'failed'; message: string };

export type ExportFormat = 'json' | 'csv-services' | 'csv-timeline' | 'zipkin' | 'otlp';

export type FromView =
  | { type: 'ready' }
  | { type: 'reveal'; id: string }
  /** A file the view made (JSON, CSV): the host asks where to save it. */
  | { type: 'save'; fileName: string; text: string };
