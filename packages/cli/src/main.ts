// The `topo` command line: one module per command, dispatched by name and loaded only then.
// Nothing here imports the language: `topo --help` loads no command's module.
import '@topo/language/polyfill';
import { commands } from './commands/index.js';
import { UsageError, type CliIO } from './io.js';

const HELP = () =>
  [
    'usage: topo <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    "Run 'topo <command> --help' for a command's options.",
  ].join('\n');

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('topo 0.1.0\n');
    return 0;
  }
  const listed = commands.find((c) => c.name === name);
  if (!listed) {
    io.stderr(`topo: unknown command '${name}'\n${HELP()}\n`);
    return 2;
  }
  const command = await listed.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`topo ${name}: ${e.message}\n`);
      return 2;
    }
    // Only a command that loaded a model fails on it, so the language is loaded already.
    const code = (await import('./load.js')).exitOnModelFailure(e, name, io);
    if (code !== undefined) return code;
    throw e;
  }
}
