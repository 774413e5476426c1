// `topo format [--check] FILE|DIR...`: the language server's formatter on the command line.
// Files are rewritten in place, each atomically (a temporary file renamed over it); with
// --check nothing is written and the files not in house style are listed (exit 1), as
// prettier and `likec4 format --check` do. A file with syntax errors is never rewritten.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import { formatText, parseModelFromString } from '@topo/language';
import { displayPath, formatFindingLine } from '../format-diagnostics.js';
import { UsageError, type Command } from '../io.js';
import { parseCommandArgs } from '../options.js';
import { topoFiles } from '../topo-files.js';

export const format: Command = {
  usage: 'topo format [--check] FILE|DIR...',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { check: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError(`which files or folders? usage: ${format.usage}`);
    const files = topoFiles(positionals, io);
    let unformatted = 0;
    let broken = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const syntaxErrors = (await parseModelFromString(text, pathToFileURL(file).href)).findings.filter((f) => f.code === 'syntax');
      if (syntaxErrors.length > 0) {
        for (const f of syntaxErrors) io.stderr(formatFindingLine(f, io.cwd) + '\n');
        broken++;
        continue;
      }
      const formatted = await formatText(text);
      if (formatted === text) continue;
      unformatted++;
      if (!values.check) await writeFileAtomic(file, formatted);
      io.stdout(displayPath(file, io.cwd) + '\n');
    }
    io.stderr(summary(files.length, unformatted, broken, values.check === true) + '\n');
    return broken > 0 ? 2 : values.check && unformatted > 0 ? 1 : 0;
  },
};

function summary(files: number, unformatted: number, broken: number, check: boolean): string {
  const of = `${unformatted} of ${files} file${files === 1 ? '' : 's'}`;
  const done = check ? `${of} not formatted${unformatted ? '; topo format rewrites them' : ''}` : `${of} reformatted`;
  return broken ? `${done}; ${broken} with syntax errors, left as they are` : done;
}
