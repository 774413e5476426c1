// The conformance corpus the repository carries (copies of ../shared/conformance and
// ../shared/conformance-v2, kept equal by shared-copies.test.ts), and the `// @expect`
// annotations of its files: the rule ids expected per line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CONFORMANCE = join(import.meta.dirname, 'conformance');
export const CONFORMANCE_V2 = join(import.meta.dirname, 'conformance-v2');

/**
 * The version 2 files in the suite, relative to CONFORMANCE_V2 (`valid/…` conforms,
 * `invalid/…` fails on its marked line). A file joins when the constructs it uses exist.
 */
export const V2_SUITE: readonly string[] = ['valid/faults.topo', 'valid/ignores.topo', 'valid/resilience.topo', 'valid/capacity.topo', 'invalid/breaker-share.topo'];

/** Every .topo file under a folder, recursively, sorted. */
export function topoFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return topoFiles(path);
      return name.endsWith('.topo') ? [path] : [];
    });
}

/** `id@line` for each expected diagnostic, sorted. */
export function expectations(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      const match = /\/\/\s*@expect\s+(.*)$/.exec(line);
      return match ? match[1]!.trim().split(/\s+/).map((id) => `${id}@${i + 1}`) : [];
    })
    .sort();
}
