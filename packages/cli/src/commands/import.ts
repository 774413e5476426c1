// `topo import spigo|kubernetes|traces FILE… [-o OUT.topo]`: what another tool knows of an
// architecture as a Topo file, on stdout or into OUT (written atomically). What the input
// could not say goes to stderr as warnings; input it cannot read is exit 2, input it cannot
// make sense of exit 1, naming the file and the place, with nothing written.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSize, ImportError, type InputFile } from '@topo/interop/errors';
import { IMPORTERS, type Importer } from '@topo/interop/import';
import { InputError, UsageError, type CliIO, type Command, type OptionSpecs } from '../io.js';
import { parseCommandArgs } from '../options.js';
import { writeOutputFile } from '../output.js';

const FORMATS: Record<string, Importer> = IMPORTERS;

const OPTIONS = {
  output: { type: 'string', short: 'o', value: 'OUT.topo', help: 'the file to write', otherwise: 'stdout' },
} as const satisfies OptionSpecs;

export const importCommand: Command = {
  usage: 'topo import spigo FILE.json | kubernetes FILE.yaml... | traces FILE.json [-o OUT.topo]',
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    const [format, ...paths] = positionals;
    if (format === undefined) throw new UsageError(`import from what? usage: ${importCommand.usage}`);
    const importer = FORMATS[format];
    if (!importer) throw new UsageError(`topo import reads ${Object.keys(FORMATS).join(', ')}, not '${format}'. usage: ${importCommand.usage}`);
    if (paths.length === 0 || (!importer.many && paths.length > 1)) {
      throw new UsageError(`${importer.many ? 'one or more' : 'one'} ${importer.what}${importer.many ? 's' : ''}, please. usage: ${importCommand.usage}`);
    }
    const files = paths.map((p) => readInput(p, importer.what, io));
    let result;
    try {
      result = importer.run(files);
    } catch (e) {
      if (e instanceof ImportError) throw new InputError(e.message);
      throw e;
    }
    for (const warning of result.warnings) io.stderr(`topo import: warning: ${warning}\n`);
    if (values.output === undefined) {
      io.stdout(result.text);
      return 0;
    }
    await writeOutputFile(values.output, result.text, io.cwd);
    return 0;
  },
};

function readInput(file: string, what: string, io: CliIO): InputFile {
  const abs = resolve(io.cwd, file);
  try {
    const stat = statSync(abs);
    if (stat.isDirectory()) throw new UsageError(`${file}: is a directory, not a ${what}`);
    checkSize(file, stat.size);
    return { name: file, text: readFileSync(abs, 'utf8') };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof ImportError) throw new UsageError(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`);
  }
}
