// Carbon estimates of a Topo model by the Cloud Carbon Footprint methodology, and SCI per
// request from a simulated scenario. See docs/carbon.md for every constant and its source.
export { estimateCarbon, type CarbonOptions } from './estimate.js';
export type { Traffic } from './traffic.js';
export { componentCarbon, type CarbonReport, type CarbonTotals, type ComponentRow, type PetalSaving, type RegionRow, type Sci } from './report.js';
export { regionFactors, type FactorSource, type RegionFactors } from './grid.js';
export { instanceProfile, type InstanceProfile } from './instance.js';
export { formatKgCO2e } from './format.js';
export { HOURS_PER_MONTH, MEMORY_KWH_PER_GB_HOUR } from './constants.js';
export { diffCarbon, type CarbonChange, type CarbonDiff } from './diff.js';
export { threadTimeFootprint, type ThreadTimeFootprint } from './thread-time.js';
export { resizedCarbon, simulatedCarbonOptions, type MeasuredRun, type Resize } from './simulated.js';
