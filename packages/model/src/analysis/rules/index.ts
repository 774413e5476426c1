// The registry: every model-level rule, with the ids it reports. The language layer
// reports the others (syntax, unresolved-reference, unresolved-import, import-cycle,
// duplicate-name).
import type { Rule } from '../finding.js';
import { chattyCalls } from './chatty-calls.js';
import { connectTimeout } from './connect-timeout.js';
import { deadlineBudget } from './deadline-budget.js';
import { dependencyCycle } from './dependency-cycle.js';
import { fanOut } from './fan-out.js';
import { layerViolation, sidewaysDependency } from './layering.js';
import { missingTimeout } from './missing-timeout.js';
import { petalMemory, petalRegion, petalReplicas } from './petals.js';
import { queueTimeout } from './queue-timeout.js';
import { consistencyLevel, replicationFactor } from './replication.js';
import { retryAmplification } from './retry-amplification.js';
import { retrySameInstance } from './retry-same-instance.js';
import { routeShares } from './route-shares.js';
import { sharedDatastore } from './shared-datastore.js';
import { singleZone } from './single-zone.js';
import { timeoutBudget } from './timeout-budget.js';
import { timeoutHeadroom } from './timeout-headroom.js';
import { uniformTimeouts } from './uniform-timeouts.js';
import { unknownInstanceType } from './unknown-instance-type.js';
import { wholeEntity } from './whole-entity.js';

export interface RegisteredRule {
  id: string;
  check: Rule;
}

export const RULES: readonly RegisteredRule[] = [
  { id: 'timeout-budget', check: timeoutBudget },
  { id: 'deadline-budget', check: deadlineBudget },
  { id: 'retry-amplification', check: retryAmplification },
  { id: 'uniform-timeouts', check: uniformTimeouts },
  { id: 'missing-timeout', check: missingTimeout },
  { id: 'connect-timeout', check: connectTimeout },
  { id: 'retry-same-instance', check: retrySameInstance },
  { id: 'dependency-cycle', check: dependencyCycle },
  { id: 'layer-violation', check: layerViolation },
  { id: 'sideways-dependency', check: sidewaysDependency },
  { id: 'shared-datastore', check: sharedDatastore },
  { id: 'fan-out', check: fanOut },
  { id: 'whole-entity', check: wholeEntity },
  { id: 'chatty-calls', check: chattyCalls },
  { id: 'single-zone', check: singleZone },
  { id: 'replication-factor', check: replicationFactor },
  { id: 'consistency-level', check: consistencyLevel },
  { id: 'petal-replicas', check: petalReplicas },
  { id: 'petal-region', check: petalRegion },
  { id: 'petal-memory', check: petalMemory },
  { id: 'route-shares', check: routeShares },
  { id: 'unknown-instance-type', check: unknownInstanceType },
  { id: 'queue-timeout', check: queueTimeout },
  { id: 'timeout-headroom', check: timeoutHeadroom },
];

/** The ids the model analysis reports, in the order of the reference's table. */
export const ANALYSIS_RULE_IDS: readonly string[] = RULES.map((r) => r.id);
