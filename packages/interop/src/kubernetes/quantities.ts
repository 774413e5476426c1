// Kubernetes resource quantities (`100m`, `0.5`, `64Mi`, `1G`) and Istio durations
// (`10s`, `0.5s`, `250ms`): the forms their documentation gives.

/** CPU in cores: `250m` → 0.25, `2` → 2. */
export function parseCpu(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(text.trim());
  if (!m) return undefined;
  return m[2] === 'm' ? Number(m[1]) / 1000 : Number(m[1]);
}

const MEMORY_SUFFIX: Record<string, number> = {
  '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40,
};

/** Memory in GiB: `64Mi` → 0.0625, `1G` → 0.93, `1e9` → 0.93. */
export function parseMemoryGiB(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|)$/.exec(text.trim());
  if (!m) return undefined;
  return (Number(m[1]) * MEMORY_SUFFIX[m[2]!]!) / 2 ** 30;
}

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** An Istio duration in milliseconds: `1.5s` → 1500, `250ms` → 250. */
export function parseMeshDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  return m ? Number(m[1]) * DURATION_MS[m[2]!]! : undefined;
}
