// `scenario-value`: a scenario setting the simulator cannot honour as written: a seed that is
// not a whole number from 0 to MAX_SEED. The runtime takes a seed's low 32 bits, so `seed 1.5`
// would run as seed 1 and `seed 4294967296` as seed 0: the same run as another seed.
import type { ValidationAcceptor } from 'langium';
import { seedRefusal } from '@topo/model';
import type { Scenario } from '../generated/ast.js';
import { coded, SCENARIO_VALUE } from './codes.js';

export function checkScenario(node: Scenario, accept: ValidationAcceptor): void {
  const refusal = node.seed === undefined ? undefined : seedRefusal(node.seed);
  if (refusal) accept('error', refusal, { node, property: 'seed', ...coded(SCENARIO_VALUE) });
}
