// The views' bundle (views.js and views.css), built by scripts/bundle.mjs from main.ts. The
// extension loads it from its dist/views folder; the CLI's bundle has a copy in a views
// folder beside it; from sources (tests) it is this package's dist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIEWS_SCRIPT, VIEWS_STYLE } from './page.js';

export interface ViewAssets {
  script: string;
  style: string;
}

/** The nearest folder holding the views' bundle, looking in `views` and `dist` above `from`. */
export function findViewsFolder(from: string = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'views'), join(dir, 'dist')]) {
      if (existsSync(join(candidate, VIEWS_SCRIPT)) && existsSync(join(candidate, VIEWS_STYLE))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export function readViewAssets(folder = findViewsFolder()): ViewAssets {
  if (!folder) throw new Error(`the views' bundle (${VIEWS_SCRIPT}, ${VIEWS_STYLE}) is missing: run npm run build`);
  return { script: readFileSync(join(folder, VIEWS_SCRIPT), 'utf8'), style: readFileSync(join(folder, VIEWS_STYLE), 'utf8') };
}
