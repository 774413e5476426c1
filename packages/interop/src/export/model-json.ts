// `--to model`: the plain model as JSON for scripts, without where each thing was written (the
// file's URIs and ranges are of the machine that read it). The schema is the `Model` type of
// packages/model/src/model.ts, described in docs/export.md.
import type { Model } from '@topo/model';

/** Bumped when a field changes meaning or goes; new fields do not bump it. */
export const MODEL_JSON_VERSION = 1;

const LOCATION_KEYS = new Set(['loc', 'locs', 'uri']);

export function modelJson(model: Model): string {
  const plain = JSON.parse(JSON.stringify(model, (key, value) => (LOCATION_KEYS.has(key) ? undefined : value)));
  return JSON.stringify({ format: 'topo-model', version: MODEL_JSON_VERSION, model: plain }, null, 2) + '\n';
}
