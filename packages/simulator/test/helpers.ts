// Text helpers of the simulator's tests: an example as the language loads it, refused when it has errors.
import { loadModel, type LoadResult } from '@topo/language';
import { resolve } from 'node:path';

export async function loadExample(name: string): Promise<LoadResult> {
  const loaded = await loadModel(resolve(__dirname, `../../../examples/${name}.topo`));
  const errors = loaded.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`examples/${name}.topo: ${errors.map((f) => f.message).join('; ')}`);
  return loaded;
}
