// The one place an error that ends a command becomes a message on stderr and an exit code
// (EXIT in io.ts). The engines' errors are recognised here, their modules imported only then:
// `topo --help` and a clean `topo check` load neither the simulator nor the whole language.
import { EXIT, InputError, UsageError, type CliIO } from './io.js';

/** The exit code of a command that threw `e`, its message printed; undefined for a bug (exit 3). */
export async function exitOnFailure(e: unknown, command: string, io: CliIO): Promise<number | undefined> {
  const fail = (message: string, code: number): number => {
    io.stderr(`topo ${command}: ${message}\n`);
    return code;
  };
  if (e instanceof UsageError) return fail(e.message, EXIT.usage);
  if (e instanceof InputError) return fail(e.message, EXIT.failed);
  const [{ ResourceLimitError }, { TopoConfigError }, { displayPath }] = await Promise.all([import('@topo/simulator'), import('@topo/language'), import('./format-diagnostics.js')]);
  if (e instanceof ResourceLimitError) return fail(e.message, EXIT.failed);
  if (e instanceof TopoConfigError) {
    for (const f of e.files) for (const p of f.problems) io.stderr(`${displayPath(f.uri, io.cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1} error ${p.message}\n`);
    return fail('fix topo.json first', EXIT.usage);
  }
  return undefined;
}
