// Runs the CLI in-process, capturing what it prints.
import { runCli } from '../src/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function topo(argv: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd,
    isTTY: false,
  });
  return { code, stdout, stderr };
}
