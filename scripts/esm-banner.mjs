// ESM bundles of CommonJS dependencies need `require`, `__filename` and `__dirname`: every
// Node bundle (the CLI, the language server) starts with this.
export const nodeEsmBanner = [
  "import { createRequire as __topoCreateRequire } from 'node:module';",
  "import { fileURLToPath as __topoFileURLToPath } from 'node:url';",
  "import { dirname as __topoDirname } from 'node:path';",
  'const require = __topoCreateRequire(import.meta.url);',
  'const __filename = __topoFileURLToPath(import.meta.url);',
  'const __dirname = __topoDirname(__filename);',
].join('\n');
