// The importers as one table, for every surface that offers them (`topo import`, the
// editor's Import commands): what each reads, how many files, and the importer. Input an
// importer cannot read throws ImportError, naming the file and, where there is one, the place.
import { ImportError, type InputFile } from './import-error.js';
import { importKubernetes } from './kubernetes/index.js';
import { importSpigo, parseSpigoJson, SpigoImportError } from './spigo/index.js';
import { importTraces } from './traces/index.js';

export interface Imported {
  /** The Topo file, in house style. */
  text: string;
  /** What the input could not say, one sentence each. */
  warnings: string[];
}

export interface Importer {
  /** What it reads, as messages name it: `spigo .json file`. */
  what: string;
  /** The endings of the files it reads, without the dot, for file pickers. */
  extensions: string[];
  /** Whether several files make one architecture. */
  many: boolean;
  run(files: InputFile[]): Imported;
}

export const IMPORTERS = {
  spigo: {
    what: 'spigo .json file',
    extensions: ['json'],
    many: false,
    run: ([file]) => {
      try {
        return importSpigo(parseSpigoJson(file!.text), { fileName: baseName(file!.name) });
      } catch (e) {
        if (e instanceof SpigoImportError) throw new ImportError(file!.name, e.message);
        throw e;
      }
    },
  },
  kubernetes: { what: 'Kubernetes or Istio .yaml file', extensions: ['yaml', 'yml'], many: true, run: importKubernetes },
  traces: { what: 'Zipkin or OTLP .json trace file', extensions: ['json'], many: false, run: ([file]) => importTraces(file!) },
} satisfies Record<string, Importer>;

export type ImportFormat = keyof typeof IMPORTERS;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop()!;
}

/** The Topo file an import of `path` makes: `shop_arch.json` → `shop.topo`, `bookinfo.yaml` → `bookinfo.topo`. */
export function importedFileName(path: string): string {
  return baseName(path).replace(/(_arch)?\.(json|ya?ml)$/i, '') + '.topo';
}
