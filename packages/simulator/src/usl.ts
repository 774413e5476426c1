// Gunther's Universal Scalability Law, X(N) = γN / (1 + σ(N − 1) + κN(N − 1)), fitted to
// measured (concurrency, throughput) points. N/X is then a quadratic in N,
// (1 − σ)/γ + ((σ − κ)/γ)·N + (κ/γ)·N², so an ordinary least-squares fit of that quadratic
// gives γ = 1/(a + b + c), κ = cγ and σ = bγ + κ.

export interface UslFit {
  /** Contention (serialisation), 0 ≤ σ. */
  sigma: number;
  /** Coherency (crosstalk), 0 ≤ κ. */
  kappa: number;
  /** Throughput of one unit of concurrency. */
  gamma: number;
  /** Concurrency of peak throughput, √((1 − σ)/κ); null when κ = 0 (no peak). */
  peakConcurrency: number | null;
  /** Coefficient of determination of the fit on throughput. */
  r2: number;
}

export interface UslPoint {
  concurrency: number;
  throughput: number;
}

/** Solves a 3×3 linear system by Gaussian elimination with partial pivoting; null if singular. */
function solve3(m: number[][], v: number[]): number[] | null {
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < 4; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return [0, 1, 2].map((i) => a[i]![3]! / a[i]![i]!);
}

/** σ or κ whose term, σ(N − 1) or κN(N − 1) at the most concurrency fitted, adds under this to the law's 1 is reported as 0. */
const NEGLIGIBLE_TERM = 0.05;

function negligibleAsZero(x: number, weight: number): number {
  return Math.abs(x * weight) < NEGLIGIBLE_TERM ? 0 : x;
}

/** The fit, or null when it does not converge: under three usable points, or σ, κ or γ out of range. */
export function fitUsl(points: readonly UslPoint[]): UslFit | null {
  const usable = points.filter((p) => p.concurrency > 0 && p.throughput > 0);
  if (new Set(usable.map((p) => p.concurrency)).size < 3) return null;
  // Normal equations of y = a + bN + cN².
  const s = [0, 0, 0, 0, 0];
  const t = [0, 0, 0];
  for (const { concurrency: n, throughput: x } of usable) {
    const y = n / x;
    for (let k = 0; k < 5; k++) s[k]! += n ** k;
    for (let k = 0; k < 3; k++) t[k]! += y * n ** k;
  }
  const coef = solve3(
    [
      [s[0]!, s[1]!, s[2]!],
      [s[1]!, s[2]!, s[3]!],
      [s[2]!, s[3]!, s[4]!],
    ],
    t,
  );
  if (!coef) return null;
  const [a, b, c] = coef as [number, number, number];
  const gamma = 1 / (a + b + c);
  // A term the points cannot tell from noise (a 0 that rounding left slightly negative included) is 0.
  const top = Math.max(...usable.map((p) => p.concurrency));
  const kappa = negligibleAsZero(c * gamma, top * (top - 1));
  const sigma = negligibleAsZero(b * gamma + c * gamma, top - 1);
  if (!(gamma > 0) || !(sigma >= 0) || !(kappa >= 0) || !Number.isFinite(gamma)) return null;
  const predict = (n: number): number => (gamma * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
  const mean = usable.reduce((m, p) => m + p.throughput, 0) / usable.length;
  const ssTot = usable.reduce((m, p) => m + (p.throughput - mean) ** 2, 0);
  const ssRes = usable.reduce((m, p) => m + (p.throughput - predict(p.concurrency)) ** 2, 0);
  return { sigma, kappa, gamma, peakConcurrency: kappa > 0 ? Math.sqrt((1 - sigma) / kappa) : null, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}
