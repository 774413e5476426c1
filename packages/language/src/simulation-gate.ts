// What stops a simulation. Every file the language can lower runs, findings of the analysis
// included: seeing what a bad design does is the point. Only these findings leave the
// lowered model without something the file meant, so they are refused, each named.
import type { Finding } from '@topo/model';
import { DUPLICATE_NAME, IMPORT_CYCLE, SYNTAX, UNRESOLVED_IMPORT, UNRESOLVED_REFERENCE } from './validation/codes.js';

/** The finding ids that refuse a simulation (language.md, "Simulating a design that has findings"). */
export const SIMULATION_BLOCKERS: readonly string[] = [SYNTAX, UNRESOLVED_REFERENCE, UNRESOLVED_IMPORT, IMPORT_CYCLE, DUPLICATE_NAME, 'route-shares'];

/** The findings that refuse a simulation; none when it may run. */
export function simulationBlockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => SIMULATION_BLOCKERS.includes(f.code));
}
