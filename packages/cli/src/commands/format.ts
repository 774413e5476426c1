// `topo format [--check] FILE|DIR...`: the language server's formatter on the command line.
// Files are rewritten in place, each atomically (a temporary file renamed over it); with
// --check nothing is written and the files not in house style are listed (exit 1), as
// prettier and `likec4 format --check` do. A file with syntax errors is never rewritten (exit 1).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatText, parseModelFromString } from '@topo/language';
import { formatFindingLine, pathNamer } from '../format-diagnostics.js';
import { EXIT, UsageError, type Command, type OptionSpecs } from '../io.js';
import { parseCommandArgs } from '../options.js';
import { writeOutputFile } from '../output.js';
import { topoFiles } from '../topo-files.js';

const OPTIONS = {
  check: { type: 'boolean', help: 'write nothing: list the files not in house style, and exit 1 if there are any' },
} as const satisfies OptionSpecs;

export const format: Command = {
  usage: 'topo format [--check] FILE|DIR...',
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (positionals.length === 0) throw new UsageError(`which files or folders? usage: ${format.usage}`);
    const files = topoFiles(positionals, io);
    const name = pathNamer(io.cwd, positionals);
    let unformatted = 0;
    let broken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const syntaxErrors = (await parseModelFromString(text, pathToFileURL(file).href)).findings.filter((f) => f.code === 'syntax');
      if (syntaxErrors.length > 0) {
        for (const f of syntaxErrors) io.stderr(formatFindingLine(f, name) + '\n');
        broken++;
        continue;
      }
      const formatted = await formatText(text);
      if (formatted === text) continue;
      unformatted++;
      if (!values.check) await writeOutputFile(name(file), formatted, io.cwd);
      io.stdout(name(file) + '\n');
    }
    io.stderr(summary(files.length, unformatted, broken, values.check === true) + '\n');
    return broken > 0 || (values.check && unformatted > 0) ? EXIT.failed : EXIT.ok;
  },
};

function summary(files: number, unformatted: number, broken: number, check: boolean): string {
  const of = `${unformatted} of ${files} file${files === 1 ? '' : 's'}`;
  const done = check ? `${of} not formatted${unformatted ? '; topo format rewrites them' : ''}` : `${of} reformatted`;
  return broken ? `${done}; ${broken} with syntax errors, left as they are` : done;
}
