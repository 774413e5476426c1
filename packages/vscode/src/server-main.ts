// The language server process the extension starts: Topo's server over Node IPC, with the
// elkjs worker script that the build copies beside this bundle and the sweep worker it builds.
import '@topo/language/polyfill';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startTopoServer } from '@topo/language/server';

startTopoServer(createConnection(ProposedFeatures.all), {
  elkWorkerUrl: new URL('./elk-worker.min.js', import.meta.url).href,
  sweepWorkerUrl: new URL('./sweep-worker.mjs', import.meta.url),
});
