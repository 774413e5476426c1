// `topo export`: a model in the formats of the tools people already use. Pure functions of
// the model (and, for the Impact Framework, its carbon estimate).
import { estimateCarbon, type CarbonOptions } from '@topo/carbon';
import type { Model } from '@topo/model';
import { backstageEntities } from './backstage.js';
import { impactManifest } from './impact.js';
import { likec4Model } from './likec4.js';
import { mermaidFlowchart } from './mermaid.js';
import { modelJson } from './model-json.js';
import { structurizrWorkspace } from './structurizr.js';

export const EXPORT_FORMATS = ['model', 'likec4', 'structurizr', 'mermaid', 'backstage', 'impact'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each format as a person picks it, and the file an export of `NAME.topo` is written to (`NAME` + `suffix`). */
export const EXPORT_FILES: Record<ExportFormat, { label: string; detail: string; suffix: string }> = {
  model: { label: 'Model (JSON)', detail: 'the plain model, for scripts', suffix: '.model.json' },
  likec4: { label: 'LikeC4', detail: 'a LikeC4 model with one view', suffix: '.c4' },
  structurizr: { label: 'Structurizr', detail: 'a Structurizr DSL workspace', suffix: '.dsl' },
  mermaid: { label: 'Mermaid', detail: 'a flowchart for a README', suffix: '.mmd' },
  backstage: { label: 'Backstage', detail: 'catalog-info entities', suffix: '.catalog-info.yaml' },
  impact: { label: 'Impact Framework', detail: 'a manifest that reproduces the carbon estimate', suffix: '.impact.yml' },
};

export interface ExportOptions {
  /** For `impact`: the carbon estimate's options, e.g. a simulated scenario's utilisation and traffic. */
  carbon?: CarbonOptions;
  /** For `impact`: the scenario those came from, named in the manifest. */
  scenario?: string;
}

export function exportModel(model: Model, format: ExportFormat, options: ExportOptions = {}): string {
  switch (format) {
    case 'model':
      return modelJson(model);
    case 'likec4':
      return likec4Model(model);
    case 'structurizr':
      return structurizrWorkspace(model);
    case 'mermaid':
      return mermaidFlowchart(model);
    case 'backstage':
      return backstageEntities(model);
    case 'impact':
      return impactManifest(model, estimateCarbon(model, options.carbon), options.scenario);
  }
}
