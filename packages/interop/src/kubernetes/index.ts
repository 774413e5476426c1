// `topo import kubernetes`: Kubernetes manifests and the Istio configuration beside them as a
// Topo architecture. Pure functions: YAML texts in, Topo text and warnings out.
import { ImportError, type InputFile } from '../import-error.js';
import { topoNames } from '../names.js';
import { emitKubernetes } from './emit.js';
import { planKubernetes } from './plan.js';
import { readManifests } from './read.js';

export interface KubernetesImport {
  /** The Topo file, in house style. */
  text: string;
  /** What the manifests could not say, one sentence each (the file carries comments too). */
  warnings: string[];
}

/** Manifests as a Topo file, named after the first file; throws ImportError for input it cannot read. */
export function importKubernetes(files: InputFile[]): KubernetesImport {
  const manifests = readManifests(files);
  if (manifests.workloads.length === 0) throw new ImportError(files.map((f) => f.name).join(', '), 'has no Deployment or StatefulSet: nothing to import');
  const base = files[0]!.name.split(/[\\/]/).pop()!.replace(/\.ya?ml$/i, '');
  const name = topoNames([{ name: base, hint: 'k8s' }]).get(base)!;
  const plan = planKubernetes(manifests, files.map((f) => f.name.split(/[\\/]/).pop()!), name);
  return { text: emitKubernetes(plan), warnings: plan.warnings };
}
