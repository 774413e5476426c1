// Generators of large architectures for benchmarks.

/** N services in one file, in three layers (edge, esl, sal), about three calls each, a datastore per data provider, teams of ten. */
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

/** The tiers of a project, bottom up: the share of its files, the layer, and the timeout of calls into the tier. */
const TIERS = [
  { share: 0.2, layer: 'sal', timeout: '100ms' },
  { share: 0.3, layer: 'esl', timeout: '700ms' },
  { share: 0.4, layer: 'esl', timeout: '5s' },
  { share: 0.1, layer: 'edge', timeout: '' },
] as const;

/** The first file of each tier and, last, the number of files. */
function tierStarts(files: number): number[] {
  const starts = [0];
  for (const tier of TIERS.slice(0, -1)) starts.push(starts.at(-1)! + Math.max(1, Math.round(files * tier.share)));
  return [...starts, files];
}

/** The tier of a team's file. */
export function tierOf(team: number, files: number): number {
  return tierStarts(files).findLastIndex((start) => start <= team);
}

/** The team files a team's file imports (and calls into): three of the tier below, spread over it; none in the lowest tier. */
export function teamImports(team: number, files: number): number[] {
  const starts = tierStarts(files);
  const tier = tierOf(team, files);
  if (tier === 0) return [];
  const [from, to] = [starts[tier - 1]!, starts[tier]!];
  return [...new Set([1, 7, 13].map((k) => from + ((team * k) % (to - from))))];
}

/**
 * A project as teams have it: `files` team files (`team<i>.topo`) of `perFile` services
 * each, and `platform.topo` (the region) that every team file imports. The files are in
 * four tiers: data services (each owns a datastore and reads it), two tiers of business
 * services, and edge services with a deadline. A service calls one service in each file
 * it imports (teamImports), with a timeout that fits the tier below. Every service works 2 ms.
 */
export function generateProject(files: number, perFile: number): Map<string, string> {
  const out = new Map<string, string>([['platform.topo', 'region us-east-1 {\n  provider aws\n  zones a, b, c\n}\n']]);
  for (let t = 0; t < files; t++) {
    const imports = teamImports(t, files);
    const tier = tierOf(t, files);
    const { layer } = TIERS[tier]!;
    const lines = ['import "platform.topo"', ...imports.map((i) => `import "team${i}.topo"`), `team team${t}`];
    for (let i = 0; i < perFile; i++) {
      const calls = imports.map((f, k) => `  call s${f}_${(i + k) % perFile} timeout ${TIERS[tier - 1]!.timeout} retries 1`);
      if (tier === 0) lines.push(`datastore db${t}_${i}: cassandra {`, `  team team${t}`, '  instances 3 of i3.large', '}');
      lines.push(`service s${t}_${i} {`, `  layer ${layer}`, `  team team${t}`, '  work 2ms', ...(layer === 'edge' ? ['  deadline 40s'] : []));
      if (tier === 0) lines.push(`  owns db${t}_${i}`, `  call db${t}_${i} read timeout 20ms retries 1`);
      lines.push(...calls, '}');
    }
    out.set(`team${t}.topo`, lines.join('\n') + '\n');
  }
  return out;
}
