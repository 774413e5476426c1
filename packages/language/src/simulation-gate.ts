// What stops a simulation. Every file the language can lower runs, findings of the analysis
// included: seeing what a bad design does is the point. Only these findings leave the
// lowered model without something the file meant, so they are refused, each named.
import type { Finding } from '@topo/model';

/** The finding ids that refuse a simulation (language.md, "Simulating a design that has findings"). */
export const SIMULATION_BLOCKERS: readonly string[] = ['syntax', 'unresolved-reference', 'unresolved-import', 'import-cycle', 'duplicate-name', 'route-shares'];

/** The findings that refuse a simulation; none when it may run. */
export function simulationBlockers(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => SIMULATION_BLOCKERS.includes(f.code));
}
