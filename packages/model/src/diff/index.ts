// Two versions of an architecture compared: components, calls and findings.
export { callIdentities, type CallIdentity } from './call-identity.js';
export { diffModels, type Changes, type ComponentRef, type ModelDiff } from './model-diff.js';
export { diffFindings, type CheckedModel, type FindingChange, type FindingDiff } from './finding-diff.js';
export type { PropertyChange } from './properties.js';
