// The netflix example, as the language loads it.
import { loadModel } from '@topo/language';
import type { Model } from '@topo/model';
import { resolve } from 'node:path';

export async function netflixModel(): Promise<Model> {
  const { model, findings } = await loadModel(resolve(__dirname, '../../../examples/netflix.topo'));
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`examples/netflix.topo: ${errors.map((f) => f.message).join('; ')}`);
  return model;
}
