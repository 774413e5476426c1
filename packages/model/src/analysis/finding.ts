// Findings of the analysis and where they are reported.
import type { Finding, Loc, Model, Severity } from '../model.js';
import type { AnalysisContext } from './context.js';

/** A finding, with what it is about so that editor quick fixes can find it again. */
export interface AnalysisFinding extends Finding {
  /** The call the finding is reported on, for call rules. */
  callId?: number;
  /** The service, datastore, cache or petal the finding is about. */
  subject?: string;
}

/** A rule: one check over the shared context. */
export type Rule = (ctx: AnalysisContext) => AnalysisFinding[];

/** Where to report: the first location the model has, else the top of the entry file. */
export function reportAt(model: Model, ...candidates: (Loc | undefined)[]): Loc {
  return candidates.find((l) => l !== undefined) ?? { uri: model.uri, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function finding(code: string, severity: Severity, message: string, loc: Loc, about: Pick<AnalysisFinding, 'callId' | 'subject'> = {}): AnalysisFinding {
  return { code, severity, message, loc, ...about };
}
