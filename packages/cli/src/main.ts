// The `topo` command line: one module per command, dispatched by name and loaded only then.
// Nothing here imports the language: `topo --help` loads no command's module.
import '@topo/language/polyfill';
import { commands } from './commands/index.js';
import { exitOnFailure } from './failure.js';
import { helpText } from './help.js';
import { EXIT, type CliIO } from './io.js';

const HELP = () =>
  [
    'usage: topo <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    "Run 'topo <command> --help' for a command's options.",
  ].join('\n');

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // `topo help check` is `topo check --help`.
  if (argv[0] === 'help' && argv.length > 1) return runCli([argv[1]!, '--help'], io);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP() + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout('topo 0.1.0\n');
    return EXIT.ok;
  }
  const listed = commands.find((c) => c.name === name);
  if (!listed) {
    io.stderr(`topo: unknown command '${name}'\n${HELP()}\n`);
    return EXIT.usage;
  }
  const command = await listed.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(helpText(command, listed.summary));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    const code = await exitOnFailure(e, name, io);
    if (code !== undefined) return code;
    throw e;
  }
}
