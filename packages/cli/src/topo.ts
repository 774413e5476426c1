// Entry point of the `topo` binary.
import { runCli } from './main.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const io = {
  stdout: (s: string) => process.stdout.write(s),
  stderr: (s: string) => process.stderr.write(s),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  signal: controller.signal,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`topo: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
