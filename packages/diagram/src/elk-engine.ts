// Running ELK. The layered algorithm blocks whatever thread it runs on for seconds on big
// graphs, so it runs in a worker: elkjs's worker build, started through `web-worker`,
// which is a real Web Worker in a browser and a worker thread in Node.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import ELK, { type ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import Worker from 'web-worker';

export type { ElkApi };

/**
 * A layout engine on a fresh worker; `terminateWorker()` it when done. A bundle, where
 * node_modules is out of reach, copies `elkjs/lib/elk-worker.min.js` and passes its URL.
 */
export function createElk(workerUrl: string = defaultWorkerUrl()): ElkApi {
  return new ELK({ workerUrl, workerFactory: (url) => new Worker(url ?? workerUrl) });
}

function defaultWorkerUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('elkjs/lib/elk-worker.min.js')).href;
}
