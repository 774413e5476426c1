// The plain model of each document (the file and its imports) and its analysis, built once
// per workspace state and shared by validation, hover, code lens, code actions and the
// custom requests.
import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { WorkspaceCache } from 'langium';
import { estimateCarbon, type CarbonReport } from '@topo/carbon';
import { AnalysisContext, analyzeContext, type AnalysisFinding, type Model } from '@topo/model';
import { importClosure } from './imports.js';
import { lowerDocuments } from './lower.js';
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

  constructor(
    shared: LangiumSharedCoreServices,
    private readonly settings: TopoSettings,
    private readonly configs: TopoConfigs,
  ) {
    this.documents = shared.workspace.LangiumDocuments;
    this.cache = new WorkspaceCache(shared);
    this.carbon = new WorkspaceCache(shared);
  }

  analysisOf(document: LangiumDocument): Analysis {
    const limits = this.settings.limits(this.configs.nearest(document.uri)?.config.limits);
    const key = `${document.uri.toString()}\u0000${JSON.stringify(limits)}`;
    return this.cache.get(key, () => {
      const model = lowerDocuments(importClosure(document, this.documents));
      const context = new AnalysisContext(model, limits);
      return { model, context, findings: analyzeContext(context) };
    });
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
