// The model-level analysis: budgets, coupling, availability and petals, and what the
// editor shows beside them.
export { analyze, analyzeContext } from './analyze.js';
export { AnalysisContext, buildAnalysisContext, DEFAULT_ANALYSIS_OPTIONS } from './context.js';
export type { AnalysisOptions, Reach, UniformChain } from './context.js';
export { callCost, needOf, formatCallCost, formatCallCostTerms, formatNeed } from './cost.js';
export type { CallCost, Need, NeedTerm } from './cost.js';
export type { AnalysisFinding, Rule } from './finding.js';
export { coupling, deadlineUsage, formatReach } from './insights.js';
export type { Coupling, DeadlineUsage } from './insights.js';
export { planTimeoutBudgetFixes } from './plan.js';
export type { TimeoutFix } from './plan.js';
export { readableTimeoutAtLeast, readableTimeoutAtMost } from './readable.js';
export { ANALYSIS_RULE_IDS, RULES } from './rules/index.js';
export type { RegisteredRule } from './rules/index.js';
export { replicasNeeded } from './rules/replication.js';
export { petalMemoryUse } from './rules/petals.js';
export type { PetalMemoryUse } from './rules/petals.js';
