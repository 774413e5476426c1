// The model both tools read in bench/compare-likec4.mjs, and the CLI's start-up benchmark
// (packages/cli/bench): the shape of issue 17 — N services, three calls each, N/4 datastores.

/** N services in three layers (5% edge, 45% middle, the rest over N/4 datastores), three calls each, no finding. */
export function topoModel(n) {
  const stores = Math.max(3, Math.round(n / 4));
  const edges = Math.max(1, Math.round(n * 0.05));
  const mids = Math.max(1, Math.round(n * 0.45));
  const backs = Math.max(1, n - edges - mids);
  const lines = [`architecture compare${n}`, 'region us-east-1 {', '  provider aws', '  zones a, b, c', '}', 'team data'];
  const service = (name, layer, props, calls) => lines.push(`service ${name} {`, `  layer ${layer}`, ...props.map((p) => `  ${p}`), ...calls.map((c) => `  call ${c}`), '}');
  for (let i = 0; i < stores; i++) lines.push(`datastore db${i}: cassandra {`, '  team data', '  instances 3 of i3.large', '}');
  const three = (f) => [0, 1, 2].map(f);
  for (let i = 0; i < backs; i++) service(`back${i}`, 'sal', ['team data', 'work 2ms'], three((k) => `db${(i + k) % stores} read timeout 20ms`));
  for (let i = 0; i < mids; i++) service(`mid${i}`, 'esl', ['work 4ms'], three((k) => `back${(i * 3 + k) % backs} timeout 80ms`));
  for (let i = 0; i < edges; i++) service(`edge${i}`, 'edge', ['work 1ms', 'deadline 2s'], three((k) => `mid${(i * 3 + k) % mids} timeout 300ms`));
  return lines.join('\n') + '\n';
}
