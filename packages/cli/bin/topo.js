#!/usr/bin/env node
// The `topo` command npm links at install time. npm links a bin only if its file exists
// then, and the CLI bundle (dist/topo.js) is built later by `npm run build`: this committed
// file stands in and loads the bundle, or says how to build it.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/topo.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('topo: the command line is not built yet: run npm run build (at the root of the repository)\n');
  process.exit(2);
}
await import(bundle.href);
