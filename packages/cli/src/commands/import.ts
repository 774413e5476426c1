// `topo import spigo FILE.json [-o OUT.topo]`: another tool's architecture as a Topo file,
// on stdout or into OUT. What the file could not say goes to stderr as warnings.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError, type CliIO, type Command } from '../io.js';
import { parseCommandArgs } from '../options.js';
import { importSpigo, parseSpigoJson, SpigoImportError } from '../spigo/index.js';

export const importCommand: Command = {
  name: 'import',
  summary: 'write a .topo file from a spigo/simianviz architecture (JSON)',
  usage: 'topo import spigo FILE.json [-o OUT.topo]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { output: { type: 'string', short: 'o' } });
    const [format, file, ...extra] = positionals;
    if (format === undefined) throw new UsageError(`import from what? usage: ${importCommand.usage}`);
    if (format !== 'spigo') throw new UsageError(`topo import reads spigo architectures, not '${format}'. usage: ${importCommand.usage}`);
    if (file === undefined || extra.length > 0) throw new UsageError(`one spigo .json file, please. usage: ${importCommand.usage}`);
    const text = readInput(file, io);
    let result;
    try {
      result = importSpigo(parseSpigoJson(text), { fileName: basename(file) });
    } catch (e) {
      if (e instanceof SpigoImportError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    }
    for (const warning of result.warnings) io.stderr(`topo import: warning: ${warning}\n`);
    if (values.output === undefined) {
      io.stdout(result.text);
      return 0;
    }
    try {
      writeFileSync(resolve(io.cwd, values.output), result.text);
    } catch (e) {
      throw new UsageError(`${values.output}: cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return 0;
  },
};

function readInput(file: string, io: CliIO): string {
  const abs = resolve(io.cwd, file);
  try {
    if (statSync(abs).isDirectory()) throw new UsageError(`${file}: is a directory, not a spigo .json file`);
    return readFileSync(abs, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? 'error'})`);
  }
}
