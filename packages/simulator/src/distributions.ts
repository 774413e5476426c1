// Random draws for service times and arrivals, from a uniform source in [0, 1).
import type { Work } from '@topo/model';

export interface Uniform {
  random(): number;
}

export function exponential(mean: number, u: Uniform): number {
  return -mean * Math.log(1 - u.random());
}

function standardNormal(u: Uniform): number {
  // Box–Muller; 1 - random() is in (0, 1], so the logarithm is finite.
  return Math.sqrt(-2 * Math.log(1 - u.random())) * Math.cos(2 * Math.PI * u.random());
}

/** A draw of `work` in the unit of `meanNs`: exponential, constant, or lognormal with the given cv. */
export function sampleWork(work: Work, meanNs: number, u: Uniform): number {
  switch (work.distribution) {
    case 'constant':
      return meanNs;
    case 'exponential':
      return exponential(meanNs, u);
    case 'lognormal': {
      const cv = work.cv ?? 1;
      const sigma2 = Math.log(1 + cv * cv);
      return meanNs * Math.exp(Math.sqrt(sigma2) * standardNormal(u) - sigma2 / 2);
    }
  }
}
