// replication-factor and consistency-level: Cassandra keeps three copies, one per zone, so
// that losing a zone loses one copy; a level that needs every remaining copy (or more)
// stops reads or writes when one replica is gone.
import type { Datastore } from '../../model.js';
import { replicasNeeded } from '../../network.js';
import type { AnalysisContext } from '../context.js';
import { finding, reportAt, type AnalysisFinding } from '../finding.js';

const RECOMMENDED_REPLICATION = 3;

function cassandras(ctx: AnalysisContext): Datastore[] {
  return ctx.model.datastores.filter((d) => d.engine === 'cassandra' && ctx.component(d.name) === d);
}

export function replicationFactor(ctx: AnalysisContext): AnalysisFinding[] {
  return cassandras(ctx).flatMap((d) =>
    d.replication >= RECOMMENDED_REPLICATION
      ? []
      : [
          finding(
            'replication-factor',
            'warning',
            `${d.name} keeps ${d.replication} ${d.replication === 1 ? 'copy' : 'copies'} per region: with fewer than ${RECOMMENDED_REPLICATION}, one per zone, losing a zone leaves too few to stay consistent and available`,
            reportAt(ctx.model, d.locs.replication, d.locs.name, d.loc),
            { subject: d.name },
          ),
        ],
  );
}

export function consistencyLevel(ctx: AnalysisContext): AnalysisFinding[] {
  const out: AnalysisFinding[] = [];
  for (const d of cassandras(ctx)) {
    for (const op of ['read', 'write'] as const) {
      const level = d[op];
      const needs = replicasNeeded(level, d.replication);
      if (needs <= d.replication - 1) continue;
      const message = `${op} ${level} waits for ${needs} of ${d.replication} ${d.replication === 1 ? 'replica' : 'replicas'}: losing one replica (one zone) blocks every ${op} of ${d.name}`;
      // A default level has no place of its own: report it where the replication is set.
      out.push(finding('consistency-level', 'warning', message, reportAt(ctx.model, d.locs[op], d.locs.replication, d.locs.name, d.loc), { subject: d.name }));
    }
  }
  return out;
}
