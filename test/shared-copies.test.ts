// The repository carries copies of the shared corpus (../shared beside it, where the
// language reference lives): the conformance files and the spigo samples. When ../shared
// is there, the copies must still equal it; a clone alone skips this and tests its copies.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE, CONFORMANCE_V2 } from './conformance.js';

const ROOT = join(import.meta.dirname, '..');
const SHARED = join(ROOT, '../shared');

/** The copies: the shared folder and the repository's copy of it. */
const COPIES: [shared: string, copy: string][] = [
  ['conformance', CONFORMANCE],
  ['conformance-v2', CONFORMANCE_V2],
  ['spigo', join(ROOT, 'examples/spigo')],
];

/** Every file under a folder, relative to it, sorted. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path, base) : [relative(base, path)];
    });
}

const present = existsSync(SHARED);
describe.skipIf(!present)(present ? 'the copies of ../shared' : 'the copies of ../shared (skipped: no ../shared beside the repository)', () => {
  it.each(COPIES)('%s: the copy holds every file of ../shared, byte for byte', (name, copy) => {
    const shared = join(SHARED, name);
    for (const file of files(shared)) {
      expect(existsSync(join(copy, file)), `${relative(ROOT, copy)}/${file} is missing`).toBe(true);
      expect(readFileSync(join(copy, file)).equals(readFileSync(join(shared, file))), `${relative(ROOT, copy)}/${file} differs from ../shared/${name}/${file}`).toBe(true);
    }
  });

  it.each(COPIES.slice(0, 2))('%s: the copy holds nothing that ../shared does not', (name, copy) => {
    expect(files(copy)).toEqual(files(join(SHARED, name)));
  });
});
