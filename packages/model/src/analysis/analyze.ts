// The analysis the language server performs, on the plain model: build the shared context
// once, run every registered rule over it.
import type { Model } from '../model.js';
import { AnalysisContext, type AnalysisOptions } from './context.js';
import type { AnalysisFinding } from './finding.js';
import { RULES } from './rules/index.js';

export function analyze(model: Model, options?: AnalysisOptions): AnalysisFinding[] {
  return analyzeContext(new AnalysisContext(model, options));
}

/** The findings of every rule over a context already built (the editor reuses it for hovers). */
export function analyzeContext(ctx: AnalysisContext): AnalysisFinding[] {
  return RULES.flatMap((rule) => rule.check(ctx));
}
