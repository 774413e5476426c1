// The plain model of each document (the file and its imports) and its analysis, built once
// per workspace state and shared by validation, hover, code lens, code actions and the
// custom requests. Each document's own declarations are lowered once and reused from one
// state to the next until the document is linked again (which follows each parse, whole or
// of the declarations an edit touched), so an edit lowers only the edited file again, and of
// it only the declarations the edit changed, moved or whose references it changed.
import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { DocumentState, WorkspaceCache } from 'langium';
import { estimateCarbon, type CarbonReport } from '@topo/carbon';
import { AnalysisContext, analyzeContext, type AnalysisFinding, type Model } from '@topo/model';
import { importClosure } from './imports.js';
import { assembleModel, LoweredDocument } from './lower.js';
import type { TopoConfigs } from './config.js';
import type { TopoSettings } from './settings.js';

export interface Analysis {
  model: Model;
  context: AnalysisContext;
  findings: AnalysisFinding[];
}

export class TopoModels {
  private readonly documents: LangiumDocuments;
  private readonly cache: WorkspaceCache<string, Analysis>;
  private readonly carbon: WorkspaceCache<string, CarbonReport>;
  private readonly lowered = new WeakMap<LangiumDocument, LoweredDocument>();
  /** Documents linked since they were last lowered. */
  private readonly linked = new WeakSet<LangiumDocument>();

  constructor(
    shared: LangiumSharedCoreServices,
    private readonly settings: TopoSettings,
    private readonly configs: TopoConfigs,
  ) {
    this.documents = shared.workspace.LangiumDocuments;
    this.cache = new WorkspaceCache(shared);
    this.carbon = new WorkspaceCache(shared);
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, (document) => {
      this.linked.add(document);
    });
  }

  analysisOf(document: LangiumDocument): Analysis {
    const limits = this.settings.limits(this.configs.nearest(document.uri)?.config.limits);
    const key = `${document.uri.toString()}\u0000${JSON.stringify(limits)}`;
    return this.cache.get(key, () => {
      const model = assembleModel(importClosure(document, this.documents).map((d) => this.loweredOf(d)));
      const context = new AnalysisContext(model, limits);
      return { model, context, findings: analyzeContext(context) };
    });
  }

  /**
   * The document's declarations lowered: kept until the document is linked again, which
   * follows every parse, and then lowered again from the one before, which lends it the
   * declarations that parse kept. (A parse of the edited declarations alone keeps the root,
   * so the root compared here tells only of a whole parse since.)
   */
  private loweredOf(document: LangiumDocument): LoweredDocument {
    let lowered = this.lowered.get(document);
    if (!lowered || this.linked.has(document) || lowered.root !== document.parseResult.value) {
      this.lowered.set(document, (lowered = new LoweredDocument(document, lowered)));
      this.linked.delete(document);
    }
    return lowered;
  }

  modelOf(document: LangiumDocument): Model {
    return this.analysisOf(document).model;
  }

  /** The carbon estimate at CCF's default utilisation, for hovers and code lenses. */
  carbonOf(document: LangiumDocument): CarbonReport {
    const analysis = this.analysisOf(document);
    return this.carbon.get(document.uri.toString(), () => estimateCarbon(analysis.model));
  }
}
