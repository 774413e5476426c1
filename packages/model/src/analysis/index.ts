// The model-level analysis: budgets, coupling, availability and petals, and what the
// editor shows beside them.
export { analyze, analyzeContext } from './analyze.js';
export { AnalysisContext, DEFAULT_ANALYSIS_OPTIONS, multiply } from './context.js';
export type { AnalysisOptions, Reach, UniformChain } from './context.js';
export { callCost, needOf, reachAttempts, formatCallCost, formatNeed } from './cost.js';
export type { CallCost, Need, NeedTerm } from './cost.js';
export type { AnalysisFinding } from './finding.js';
export { callBudget, coupling, deadlineUsage, formatReach } from './insights.js';
export type { CallBudget, Coupling, DeadlineUsage } from './insights.js';
export { petalMemoryUse } from './rules/petals.js';
export { queueFitText, queueWait } from './rules/queue-timeout.js';
export type { QueueWait } from './rules/queue-timeout.js';
export type { PetalMemoryUse } from './rules/petals.js';
export { planTimeoutBudgetFixes } from './plan.js';
export type { TimeoutFix } from './plan.js';
export { readableTimeoutAtLeast, readableTimeoutAtMost } from './readable.js';
export { ANALYSIS_RULE_IDS } from './rules/index.js';
