// The server side of the custom requests (protocol.ts): the diagram, carbon estimate,
// scenarios, model (for the exporters), simulation, what-if comparison and load sweep of a
// document, and a push when a document's model changed. The engines run here, beside the
// parsed documents; the layout runs in a worker so requests keep flowing.
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  LSPErrorCodes,
  ResponseError,
  WorkDoneProgress,
  type CancellationToken,
  type Connection,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver';
import { estimateCarbon } from '@topo/carbon';
import { createElk, drawDiagram, type ElkApi } from '@topo/diagram';
import type { LangiumSharedServices } from 'langium/lsp';
import { seedRefusal, summarizeFindings, type Finding, type Model } from '@topo/model';
import { ResourceLimitError, resolveScenario, simulate, sweep, UnknownScenarioError, type Progress, type SimulateOptions, type SimulationResult, type Span } from '@topo/simulator';
import { sweepRange, sweepRangeFormat, sweepRefusal } from '@topo/simulator/sweep-range';
import type { NotificationType, RequestType } from 'vscode-jsonrpc';
import { TopoNotifications, TopoRequests } from './protocol.js';
import { TopoConfigError } from './config.js';
import { importClosure } from './imports.js';
import { toFinding } from './load.js';
import { simulationBlockers } from './simulation-gate.js';
import { carbonOfRun, type RightSizing } from './right-sizing.js';
import { runWhatIf, WHAT_IF_LABELS, WhatIfScenarioError, withTimeoutBudgetsFixed } from './what-if.js';
import type { TopoLspServices } from './topo-lsp-module.js';

export interface ServerOptions {
  /** Where the bundled elkjs worker is, when node_modules is out of reach. */
  elkWorkerUrl?: string;
  /** The bundled sweep worker (the simulator's sweep-worker.ts): a sweep's runs go to worker threads, and the server answers meanwhile. */
  sweepWorkerUrl?: URL;
}

export function registerTopoRequests(connection: Connection, shared: LangiumSharedServices, topo: TopoLspServices, options: ServerOptions = {}): void {
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
  // The protocol's types are vscode-jsonrpc 10's, the client's; vscode-languageserver 10
  // types its connection with jsonrpc 9, whose classes TypeScript tells apart. So requests
  // are registered by method, typed here by their constant.
  const answer = <P, R>(type: RequestType<P, R, void>, handler: (params: P, token: CancellationToken) => Promise<R>) => connection.onRequest(type.method, handler);
  const notify = <P>(type: NotificationType<P>, params: P) => connection.sendNotification(type.method, params);

  /** Diagrams being laid out on `elk`. */
  let drawing = 0;
  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'the diagram was no longer wanted');
  // A preview cancels the diagram of a state the user has typed past: the answer then comes
  // at once. Its layout would still hold the worker, and a core, for up to seconds on a big
  // file: unless another diagram waits on the worker, it stops, and the next diagram that is
  // not laid out yet starts one (some 200 ms).
  answer(TopoRequests.diagram, async (params, token) => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri), nodes: [] };
    if (token.isCancellationRequested) throw cancelled();
    const { model, findings } = topo.topo.Models.analysisOf(document);
    const nodes = [...model.services, ...model.datastores, ...model.caches].flatMap((c) =>
      c.loc ? [{ id: c.name, uri: c.loc.uri, line: c.loc.start.line, character: c.loc.start.character }] : [],
    );
    const engine = (elk ??= createElk(options.elkWorkerUrl));
    const cancel = abortOn(token);
    drawing++;
    try {
      const { svg, message } = await drawDiagram(model, findings, { groupBy: params.groupBy, elk: engine, signal: cancel.signal });
      return svg === undefined ? { message, nodes } : { svg, nodes };
    } catch (e) {
      if (!cancel.signal.aborted) throw e;
      if (drawing === 1 && elk === engine) {
        engine.terminateWorker();
        elk = undefined;
      }
      throw cancelled();
    } finally {
      drawing--;
      cancel.dispose();
    }
  });

  answer(TopoRequests.problems, async (params) => {
    const diagnostics = (await documentOf(params.uri))?.diagnostics ?? [];
    return {
      errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length,
      warnings: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length,
    };
  });

  answer(TopoRequests.carbon, async (params) => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri) };
    const model = topo.topo.Models.modelOf(document);
    return { report: estimateCarbon(model, { utilization: params.utilization }) };
  });

  answer(TopoRequests.scenarios, async (params) => {
    const document = await documentOf(params.uri);
    return { scenarios: document ? topo.topo.Models.modelOf(document).scenarios.map((s) => s.name) : [] };
  });

  /**
   * A document with the files it imports, their findings, and a message naming what refuses
   * a simulation (simulation-gate.ts) when something does.
   */
  const simulatable = (document: LangiumDocument): { closure: LangiumDocument[]; findings: Finding[]; refused?: string } => {
    const closure = importClosure(document, shared.workspace.LangiumDocuments);
    const findings = closure.flatMap((d) => (d.diagnostics ?? []).map((diagnostic) => toFinding(d.uri.toString(), diagnostic)));
    const blockers = simulationBlockers(findings);
    if (blockers.length === 0) return { closure, findings };
    const where = blockers.map((f) => `${URI.parse(f.loc.uri).path.split('/').pop()}:${f.loc.start.line + 1} ${f.code}`);
    return { closure, findings, refused: `${document.uri.path.split('/').pop()} cannot be simulated until these are fixed: ${where.join(', ')}` };
  };

  /** Runs `work` with LSP work-done progress (when the client gave a token) and cancellation. */
  const withProgress = async <T>(
    token: CancellationToken,
    workDoneToken: string | number | undefined,
    title: string,
    work: (percent: (percentage: number, message?: string) => void, signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    const report = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
      if (workDoneToken !== undefined) void connection.sendProgress(WorkDoneProgress.type, workDoneToken, value);
    };
    const cancel = abortOn(token);
    report({ kind: 'begin', title, cancellable: true, percentage: 0 });
    try {
      return await work((percentage, message) => report({ kind: 'report', percentage: Math.min(100, Math.round(percentage)), ...(message ? { message } : {}) }), cancel.signal);
    } finally {
      cancel.dispose();
      report({ kind: 'end' });
    }
  };

  /** A run's progress as its share of the request's: run `index` (from 0) of `runs`. */
  const reportRun = (percent: (percentage: number, message?: string) => void, p: Progress, index = 0, runs = 1) =>
    percent((100 * (index + p.simulatedMs / p.totalMs)) / runs, `${(p.simulatedMs / 1000).toFixed(0)} of ${(p.totalMs / 1000).toFixed(0)} simulated seconds`);

  /** One run with the document's findings counted; a finished run's right-sizing too, which the lens on `instances` then says. */
  const runOnce = async (uri: string, model: Model, findings: Finding[], options: SimulateOptions): Promise<{ result: SimulationResult; rightSizing?: RightSizing }> => {
    const result = await simulate(model, options);
    const withFindings = { ...result, findings: summarizeFindings(findings) };
    if (result.stopped) return { result: withFindings };
    const { rightSizing } = carbonOfRun(model, result);
    topo.topo.LastRuns.remember(uri, rightSizing);
    connection.sendRequest(CodeLensRefreshRequest.method).catch(() => undefined);
    return { result: withFindings, rightSizing };
  };

  /** Why a request's seed cannot run (one from the editor's setting, say), as an answer's message. */
  const refusedSeed = (seed: number | undefined): { message: string } | undefined => {
    const refusal = seed === undefined ? undefined : seedRefusal(seed);
    return refusal ? { message: refusal } : undefined;
  };

  /** What a run refused for its scenario or its size says, as an answer's message. */
  const refusedRun = (e: unknown): { message: string } => {
    if (e instanceof UnknownScenarioError || e instanceof ResourceLimitError) return { message: e.message };
    throw e;
  };

  answer(TopoRequests.model, async (params) => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri) };
    const { refused } = simulatable(document);
    return refused ? { message: refused } : { model: topo.topo.Models.modelOf(document) };
  });

  answer(TopoRequests.simulate, async (params, token) => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri) };
    const badSeed = refusedSeed(params.seed);
    if (badSeed) return badSeed;
    const { findings, refused } = simulatable(document);
    if (refused) return { message: refused };
    const { model } = topo.topo.Models.analysisOf(document);
    const spans: Span[] = [];
    try {
      return await withProgress(token, params.workDoneToken, `Simulating ${params.scenario ?? 'the first scenario'}`, async (percent, signal) => {
        const run = await runOnce(params.uri, model, findings, {
          scenario: params.scenario,
          seed: params.seed,
          signal,
          ...(params.traceEvery ? { trace: { every: params.traceEvery, onSpan: (s: Span) => void spans.push(s) } } : {}),
          onProgress: (p) => reportRun(percent, p),
        });
        return params.traceEvery ? { ...run, spans } : run;
      });
    } catch (e) {
      return refusedRun(e);
    }
  });

  answer(TopoRequests.compare, async (params, token) => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri) };
    const badSeed = refusedSeed(params.seed);
    if (badSeed) return badSeed;
    const { closure, findings, refused } = simulatable(document);
    if (refused) return { message: refused };
    const analysis = topo.topo.Models.analysisOf(document);
    const file = document.uri.path.split('/').pop() ?? params.uri;
    // The editor shows a topo.json's problems on the file itself; here, only that they stop the fix.
    const fixed = await withTimeoutBudgetsFixed(document, analysis, closure, topo).catch((e: unknown) => {
      if (e instanceof TopoConfigError) return e;
      throw e;
    });
    if (fixed instanceof TopoConfigError) return { message: fixed.message };
    const versions = [
      { label: WHAT_IF_LABELS.asWritten, file, model: analysis.model, findings },
      { label: WHAT_IF_LABELS.budgetsFixed, file: `${file} with budgets fixed`, model: fixed.model, findings: fixed.findings },
    ];
    try {
      return await withProgress(token, params.workDoneToken, `Comparing ${params.scenario ?? 'the first scenario'} with fixed budgets`, (percent, signal) =>
        runWhatIf(versions, { scenario: params.scenario, seed: params.seed, signal, onProgress: (p, index, runs) => reportRun(percent, p, index, runs) }),
      );
    } catch (e) {
      if (e instanceof WhatIfScenarioError || e instanceof ResourceLimitError) return { message: e.message };
      throw e;
    }
  });

  // The scenario as written, then at each rate or number of users of the range: the results
  // view draws the run and the bottleneck plots. The sweep's runs (on worker threads, given
  // the worker) report as they finish, and a cancellation stops the sweep at once, runs under
  // way included, keeping the scenario's own run.
  answer(TopoRequests.sweep, async (params, token) => {
    const document = await documentOf(params.uri);
    if (!document) return { message: unknown(params.uri) };
    const badSeed = refusedSeed(params.seed);
    if (badSeed) return badSeed;
    const values = sweepRange(params.range, params.over);
    if (!values) return { message: `a sweep takes ${sweepRangeFormat(params.over)}, not '${params.range}'` };
    const { findings, refused } = simulatable(document);
    if (refused) return { message: refused };
    const { model } = topo.topo.Models.analysisOf(document);
    const { scenario, seed, over } = params;
    try {
      const refusal = sweepRefusal(resolveScenario(model, scenario), over);
      if (refusal) return { message: refusal };
      const runs = 1 + values.length;
      return await withProgress(token, params.workDoneToken, `Sweeping ${scenario ?? 'the first scenario'} over ${over === 'rps' ? 'rates' : 'users'}`, async (percent, signal) => {
        const run = await runOnce(params.uri, model, findings, { scenario, seed, signal, onProgress: (p) => reportRun(percent, p, 0, runs) });
        if (run.result.stopped) return run;
        let swept = 0;
        const onPoint = () => {
          percent((100 * (1 + ++swept)) / runs, `${swept} of ${values.length} runs of the sweep`);
        };
        const workers = options.sweepWorkerUrl ? { workerUrl: options.sweepWorkerUrl } : {};
        const result = await sweep(model, values, { over, scenario, seed, onPoint, signal, ...workers });
        return result ? { ...run, sweep: result } : run;
      });
    } catch (e) {
      return refusedRun(e);
    }
  });

  // After every build, tell the client which documents changed; it pulls what it shows.
  shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
    for (const doc of documents) void notify(TopoNotifications.modelChanged, { uri: doc.uri.toString() });
  });
  connection.onShutdown(() => elk?.terminateWorker());
}

/** A signal that aborts when `token` is cancelled, for the engines, which take signals; dispose of it when done. */
function abortOn(token: CancellationToken): { signal: AbortSignal; dispose(): void } {
  const abort = new AbortController();
  // A request cancelled before it was handled has a token that is cancelled already, and never fires.
  if (token.isCancellationRequested) abort.abort();
  const listener = token.onCancellationRequested(() => abort.abort());
  return { signal: abort.signal, dispose: () => listener.dispose() };
}

/** How long a request waits for its document to be opened and built. */
const DOCUMENT_WAIT_MS = 5_000;
