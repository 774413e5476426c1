// The sweep worker bundled beside the CLI (dist/sweep-worker.js): sweeps run on worker threads
// when it is there; from the sources (tests) they run one after another in this thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function sweepWorkerUrl(): URL | undefined {
  const url = new URL('./sweep-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}
