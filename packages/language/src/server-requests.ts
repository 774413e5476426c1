// The server side of the custom requests (protocol.ts): the diagram, carbon estimate and
// scenarios of a document, and a push when a document's model changed. The engines run
// here, beside the parsed documents; the layout runs in a worker so requests keep flowing.
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import {
  WorkDoneProgress,
  type CancellationToken,
  type Connection,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver';
import { estimateCarbon } from '@topo/carbon';
import { createElk, DiagramTooLargeError, layoutDiagram, renderSvg, type ElkApi } from '@topo/diagram';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResourceLimitError, simulate, UnknownScenarioError, type Span } from '@topo/simulator';
import {
  TopoNotifications,
  TopoRequests,
  type CarbonParams,
  type CarbonResult,
  type DiagramParams,
  type DiagramResult,
  type ScenariosParams,
  type ScenariosResult,
  type SimulateParams,
  type SimulateResult,
} from './protocol.js';
import type { TopoServices } from './topo-module.js';

export interface ServerOptions {
  /** Where the bundled elkjs worker is, when node_modules is out of reach. */
  elkWorkerUrl?: string;
}

export function registerTopoRequests(connection: Connection, shared: LangiumSharedServices, topo: TopoServices, options: ServerOptions = {}): void {
  let elk: ElkApi | undefined;
  /** The document, once built; a request may arrive just before the didOpen it follows is handled. */
  const documentOf = async (uri: string): Promise<LangiumDocument | undefined> => {
    const parsed = URI.parse(uri);
    for (let waited = 0; !shared.workspace.LangiumDocuments.hasDocument(parsed) && waited < DOCUMENT_WAIT_MS; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!shared.workspace.LangiumDocuments.hasDocument(parsed)) return undefined;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
    return shared.workspace.LangiumDocuments.getDocument(parsed);
  };
  const unknown = (uri: string) => `${uri} is not a Topo document the server knows`;

  connection.onRequest(TopoRequests.diagram, async (params: DiagramParams): Promise<DiagramResult> => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri), nodes: [], errors: 0, warnings: 0 };
    const { model, findings } = topo.topo.Models.analysisOf(document);
    const counts = countSeverities(document);
    const nodes = [...model.services, ...model.datastores, ...model.caches].flatMap((c) =>
      c.loc ? [{ id: c.name, uri: c.loc.uri, line: c.loc.start.line, character: c.loc.start.character }] : [],
    );
    try {
      elk ??= createElk(options.elkWorkerUrl);
      const layout = await layoutDiagram(model, { groupBy: params.groupBy, findings, elk });
      return { svg: renderSvg(layout), nodes, ...counts };
    } catch (e) {
      if (e instanceof DiagramTooLargeError) return { message: e.message, nodes, ...counts };
      throw e;
    }
  });

  connection.onRequest(TopoRequests.carbon, async (params: CarbonParams): Promise<CarbonResult> => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri) };
    const model = topo.topo.Models.modelOf(document);
    return { report: estimateCarbon(model, { utilization: params.utilization }) };
  });

  connection.onRequest(TopoRequests.scenarios, async (params: ScenariosParams): Promise<ScenariosResult> => {
    const document = await documentOf(params.uri);
    return { scenarios: document ? topo.topo.Models.modelOf(document).scenarios.map((s) => s.name) : [] };
  });

  connection.onRequest(TopoRequests.simulate, async (params: SimulateParams, token: CancellationToken): Promise<SimulateResult> => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri) };
    const { model, findings } = topo.topo.Models.analysisOf(document);
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).length + findings.filter((f) => f.severity === 'error' && f.loc.uri !== document.uri.toString()).length;
    if (errors > 0) return { message: `${document.uri.path.split('/').pop()} has ${errors} error${errors === 1 ? '' : 's'}: fix them before simulating` };
    const progress = params.workDoneToken;
    const report = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
      if (progress !== undefined) void connection.sendProgress(WorkDoneProgress.type, progress, value);
    };
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    report({ kind: 'begin', title: `Simulating ${params.scenario ?? 'the first scenario'}`, cancellable: true, percentage: 0 });
    const spans: Span[] = [];
    try {
      const result = await simulate(model, {
        scenario: params.scenario,
        seed: params.seed,
        signal: abort.signal,
        ...(params.traceEvery ? { trace: { every: params.traceEvery, onSpan: (s: Span) => void spans.push(s) } } : {}),
        onProgress: (p) => report({ kind: 'report', percentage: Math.min(100, Math.round((100 * p.simulatedMs) / p.totalMs)), message: `${(p.simulatedMs / 1000).toFixed(0)} of ${(p.totalMs / 1000).toFixed(0)} simulated seconds` }),
      });
      return params.traceEvery ? { result, spans } : { result };
    } catch (e) {
      if (e instanceof UnknownScenarioError || e instanceof ResourceLimitError) return { message: e.message };
      throw e;
    } finally {
      cancelled.dispose();
      report({ kind: 'end' });
    }
  });

  // After every build, tell the client which documents changed; it pulls what it shows.
  shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
    for (const doc of documents) void connection.sendNotification(TopoNotifications.modelChanged, { uri: doc.uri.toString() });
  });
  connection.onShutdown(() => elk?.terminateWorker());
}

/** How long a request waits for its document to be opened and built. */
const DOCUMENT_WAIT_MS = 5_000;

function countSeverities(document: LangiumDocument): { errors: number; warnings: number } {
  const list = document.diagnostics ?? [];
  return { errors: list.filter((d) => d.severity === 1).length, warnings: list.filter((d) => d.severity === 2).length };
}
