// `chaos-value`: a fault the simulator cannot stage as written — a share over 100%, a count
// of instances that is not a whole number of at least one, a kill of a managed datastore
// (the provider's service has no instances to kill; it can be slowed or failed).
import type { ValidationAcceptor } from 'langium';
import { isManaged } from '@topo/model';
import { isDatastore, type Chaos } from '../generated/ast.js';
import { parsePercent } from '../literals.js';
import { coded, CHAOS_VALUE } from './codes.js';

export function checkChaos(node: Chaos, accept: ValidationAcceptor): void {
  if (node.$type === 'ZoneChaos' || node.$type === 'MonkeyChaos') return;
  if (node.count !== undefined && (node.count < 1 || !Number.isInteger(node.count))) {
    accept('error', `the number of instances must be a whole number of at least 1, not ${node.count}`, { node, property: 'count', ...coded(CHAOS_VALUE) });
  }
  if (node.$type === 'FailChaos' && (parsePercent(node.share) ?? 0) > 1) {
    accept('error', `a fault fails at most 100% of the requests, not ${node.share}`, { node, property: 'share', ...coded(CHAOS_VALUE) });
  }
  const target = node.target?.ref;
  if (node.$type === 'KillChaos' && isDatastore(target) && isManaged(target.engine)) {
    accept('error', `${target.name} is a managed ${target.engine} datastore: it has no instances to kill (slow or fail it instead)`, { node, property: 'target', ...coded(CHAOS_VALUE) });
  }
}
