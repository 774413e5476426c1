// Reads the `// @expect` annotations of a conformance file: the rule ids expected per line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CONFORMANCE = join(import.meta.dirname, '../../shared/conformance');

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
