// `capacity-value`: a capacity construct the simulator cannot honour as written — users that
// are not a whole number, a lock over 100% of the work, an autoscaler whose bounds are not
// whole numbers with 1 ≤ MIN ≤ MAX, that aims at no utilisation or over 100%, or looks
// every 0s.
import type { ValidationAcceptor } from 'langium';
import type { Autoscale, Cache, Datastore, Service, Users } from '../generated/ast.js';
import { parseDuration, parsePercent } from '../literals.js';
import { coded, CAPACITY_VALUE } from './codes.js';


export function checkUsers(node: Users, accept: ValidationAcceptor): void {
  if (node.count !== undefined && !Number.isInteger(node.count)) accept('error', `users come in whole numbers, not ${node.count}`, { node, property: 'count', ...coded(CAPACITY_VALUE) });
}

export function checkLock(node: Service | Datastore | Cache, accept: ValidationAcceptor): void {
  if ((parsePercent(node.lock) ?? 0) > 1) accept('error', `a lock holds at most 100% of a request's work, not ${node.lock}`, { node, property: 'lock', ...coded(CAPACITY_VALUE) });
}

export function checkAutoscale(node: Autoscale, accept: ValidationAcceptor): void {
  if (node.min !== undefined && !(Number.isInteger(node.min) && node.min >= 1)) {
    accept('error', `an autoscaler keeps a whole number of instances, at least 1, not ${node.min}`, { node, property: 'min', ...coded(CAPACITY_VALUE) });
  }
  if (node.max !== undefined && !Number.isInteger(node.max)) accept('error', `an autoscaler's maximum is a whole number of instances, not ${node.max}`, { node, property: 'max', ...coded(CAPACITY_VALUE) });
  else if (node.max !== undefined && node.min !== undefined && node.max < node.min) {
    accept('error', `an autoscaler's maximum ${node.max} is below its minimum ${node.min}`, { node, property: 'max', ...coded(CAPACITY_VALUE) });
  }
  const target = parsePercent(node.target);
  if (target !== undefined && !(target > 0 && target <= 1)) {
    accept('error', `an autoscaler aims at a utilisation above 0% and at most 100%, not ${node.target}`, { node, property: 'target', ...coded(CAPACITY_VALUE) });
  }
  if (parseDuration(node.every) === 0) accept('error', 'an autoscaler must look at utilisation over some time, not every 0s', { node, property: 'every', ...coded(CAPACITY_VALUE) });
}
