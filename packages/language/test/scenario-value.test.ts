// `scenario-value`: a seed the runtime would take as another seed's (it keeps the low 32 bits).
import { describe, expect, it } from 'vitest';
import { loadText } from './helpers.js';

const withSeed = (seed: string) => `service web\nscenario evening {\n  load 100 rps into web for 1m\n  seed ${seed}\n}\n`;
const reported = async (seed: string) =>
  (await loadText(withSeed(seed))).findings.filter((f) => f.code === 'scenario-value').map((f) => `${f.loc.start.line + 1}:${f.loc.start.character + 1} ${f.message}`);

describe('scenario-value', () => {
  it('fires on a seed past 32 bits, and on one that is not whole, at the seed', async () => {
    expect(await reported('4294967296')).toEqual(['4:8 a seed is a whole number from 0 to 4,294,967,295, not 4294967296']);
    expect(await reported('1.5')).toEqual(['4:8 a seed is a whole number from 0 to 4,294,967,295, not 1.5']);
  });

  it('does not fire from 0 to 2^32 - 1, the ends included', async () => {
    for (const seed of ['0', '42', '4294967295']) expect(await reported(seed)).toEqual([]);
  });

  it('keeps a seed in range as written in the model', async () => {
    expect((await loadText(withSeed('4294967295'))).model.scenarios[0]!.seed).toBe(4_294_967_295);
  });
});
