export { simulate, withRate, withUsers, type SimulateOptions, type Progress } from './simulate.js';
export type { SimulationResult, ServiceResult, LatencySummary, LatencyBucket, TimelinePoint, ChaosEvent, BreakerEvent, ResilienceCounts } from './result.js';
export { resolveScenario, defaultScenario, uncalledServices, UnknownScenarioError } from './scenario.js';
export { HOP_LIMIT } from './job.js';
export { estimate, ResourceLimitError, DEFAULT_MAX_EVENTS, defaultMaxMemoryBytes, type Estimate } from './estimate.js';
export { toZipkin, toOtlp, type Span, type SpanOutcome, type TraceOptions } from './trace.js';
export { formatText, formatSweep, latencyTable, sig4 } from './format-text.js';
export { sweep, parseRates, type SweepOver, type SweepPoint, type SweepResult, type SweepOptions } from './sweep.js';
export { fitUsl, type UslFit, type UslPoint } from './usl.js';
