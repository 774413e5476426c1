// `topo import spigo`: spigo/simianviz architecture files (github.com/adrianco/spigo,
// json_arch) as Topo architectures. Pure functions: JSON in, Topo text and warnings out.
import { emitTopo } from './emit.js';
import { planArchitecture } from './plan.js';
import { readSpigoArchitecture } from './read.js';
import { assignTimeouts } from './timeouts.js';

export { SpigoImportError } from './errors.js';
export { parseSpigoJson } from './read.js';

export interface SpigoImport {
  /** The Topo file, in house style. */
  text: string;
  /** What the file could not say, one sentence each (the file carries comments too). */
  warnings: string[];
}

export interface SpigoImportOptions {
  /** The file's name: shown in the header, and the architecture's name when `arch` is missing. */
  fileName?: string;
}

/** A parsed spigo architecture file as a Topo file; throws SpigoImportError for input it cannot map. */
export function importSpigo(json: unknown, options: SpigoImportOptions = {}): SpigoImport {
  const plan = planArchitecture(readSpigoArchitecture(json, options.fileName));
  assignTimeouts(plan.components);
  return { text: emitTopo(plan, options.fileName), warnings: plan.warnings };
}
