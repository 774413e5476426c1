// Each diagnostic links to the page that explains its rule: docs/rules/<id>.md. The pages
// ship with the repository, the CLI and the extension, so the link is to the local copy
// nearest to the running code (works offline, opens in the editor).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeDescription } from 'vscode-languageserver-types';

let base: string | undefined;

/** The folder holding the rule pages: the nearest `docs/rules` above this module (or the bundle). */
export function rulesFolder(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function ruleDescription(code: string): CodeDescription | undefined {
  base ??= rulesFolder() ?? '';
  return base ? { href: pathToFileURL(join(base, `${code}.md`)).toString() } : undefined;
}
