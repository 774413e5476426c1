// `topo export FILE --to FORMAT [--scenario NAME] [-o OUT]`: the architecture in another
// tool's format, on stdout or into OUT (written atomically). It exports whatever the language
// lowers, as the simulator runs it: the analysis's findings are `topo check`'s to report.
// `--scenario` gives the Impact Framework manifest a simulated scenario's utilisation, as
// `topo carbon --scenario` uses it.
import { EXPORT_FORMATS, exportModel } from '@topo/interop/export';
import { UsageError, type Command, type OptionSpecs } from '../io.js';
import { loadBuildableModel } from '../load.js';
import { parseCommandArgs } from '../options.js';
import { writeOutputFile } from '../output.js';
import { scenarioOptions } from './carbon.js';

const OPTIONS = {
  to: { type: 'string', value: EXPORT_FORMATS.join('|'), help: 'the format to write (required)' },
  scenario: { type: 'string', value: 'NAME', help: "with --to impact: the simulated scenario's CPU use", otherwise: "CCF's default" },
  output: { type: 'string', short: 'o', value: 'OUT', help: 'the file to write', otherwise: 'stdout' },
} as const satisfies OptionSpecs;

export const exportCommand: Command = {
  usage: `topo export FILE --to ${EXPORT_FORMATS.join('|')} [--scenario NAME] [-o OUT]`,
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (positionals.length !== 1) throw new UsageError(`one .topo file, please. usage: ${exportCommand.usage}`);
    const format = EXPORT_FORMATS.find((f) => f === values.to);
    if (values.to === undefined) throw new UsageError(`export to what? --to ${EXPORT_FORMATS.join('|')}`);
    if (!format) throw new UsageError(`--to is one of ${EXPORT_FORMATS.join(', ')}, not '${values.to}'`);
    if (values.scenario !== undefined && format !== 'impact') throw new UsageError('--scenario goes with --to impact');
    const { model } = await loadBuildableModel(positionals[0]!, io, 'exported');
    const carbon = values.scenario === undefined ? undefined : await scenarioOptions(model, values.scenario, io);
    const text = exportModel(model, format, { ...(carbon ? { carbon, scenario: values.scenario } : {}) });
    if (values.output === undefined) {
      io.stdout(text);
      return 0;
    }
    await writeOutputFile(values.output, text, io.cwd);
    return 0;
  },
};
