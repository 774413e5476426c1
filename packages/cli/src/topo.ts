// Entry point of the `topo` binary.
import { EXIT } from './io.js';
import { runCli } from './main.js';
import { streamWriter } from './streams.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const io = {
  stdout: streamWriter(process.stdout, (e) => {
    process.stderr.write(`topo: cannot write the output (${e.code ?? e.message})\n`);
    process.exitCode = EXIT.usage;
  }),
  stderr: streamWriter(process.stderr, () => {}),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  signal: controller.signal,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode ??= code;
  },
  (e: unknown) => {
    process.stderr.write(`topo: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.internal;
  },
);
