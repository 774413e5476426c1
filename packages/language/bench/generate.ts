// A generator of large architectures for benchmarks: N services in three layers (edge,
// esl, sal), about three calls each, a datastore per data provider, teams of ten.
export function generateArchitecture(services: number): string {
  const lines = ['architecture generated', 'region us-east-1 {', '  provider aws', '  zones a, b, c', '}'];
  const edges = Math.max(1, Math.round(services * 0.05));
  const esls = Math.max(1, Math.round(services * 0.45));
  const sals = Math.max(1, services - edges - esls);
  const teams = Math.ceil(services / 10);
  for (let t = 0; t < teams; t++) lines.push(`team team${t}`);
  const name = (layer: string, i: number) => `${layer}${i}`;
  const team = (i: number) => `team${i % teams}`;
  for (let i = 0; i < sals; i++) {
    lines.push(`datastore db${i}: cassandra {`, `  team ${team(i)}`, '  instances 3 of i3.large', '}');
    lines.push(`service ${name('sal', i)} {`, '  layer sal', `  team ${team(i)}`, `  owns db${i}`, '  work 2ms', `  call db${i} read timeout 20ms retries 1`, '}');
  }
  for (let i = 0; i < esls; i++) {
    lines.push(`service ${name('esl', i)} {`, '  layer esl', `  team ${team(i)}`, '  work 4ms');
    for (let k = 0; k < 3; k++) lines.push(`  call ${name('sal', (i * 3 + k) % sals)} timeout 100ms retries 1`);
    lines.push('}');
  }
  for (let i = 0; i < edges; i++) {
    lines.push(`service ${name('edge', i)} {`, '  layer edge', '  work 1ms', '  deadline 2s');
    for (let k = 0; k < 3; k++) lines.push(`  call ${name('esl', (i * 3 + k) % esls)} timeout 300ms retries 1`);
    lines.push('}');
  }
  return lines.join('\n') + '\n';
}
