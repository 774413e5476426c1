// `topo export FILE --to FORMAT [--scenario NAME] [-o OUT]`: the architecture in another
// tool's format, on stdout or into OUT (written atomically). It exports whatever the language
// lowers, as the simulator runs it: the analysis's findings are `topo check`'s to report.
// `--scenario` gives the Impact Framework manifest a simulated scenario's utilisation, as
// `topo carbon --scenario` uses it.
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { EXPORT_FORMATS, exportModel } from '@topo/interop/export';
import { UsageError, type Command } from '../io.js';
import { loadSimulatableModel } from '../load.js';
import { parseCommandArgs } from '../options.js';
import { scenarioOptions } from './carbon.js';

export const exportCommand: Command = {
  usage: `topo export FILE --to ${EXPORT_FORMATS.join('|')} [--scenario NAME] [-o OUT]`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { to: { type: 'string' }, scenario: { type: 'string' }, output: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError(`one .topo file, please. usage: ${exportCommand.usage}`);
    const format = EXPORT_FORMATS.find((f) => f === values.to);
    if (values.to === undefined) throw new UsageError(`export to what? --to ${EXPORT_FORMATS.join('|')}`);
    if (!format) throw new UsageError(`--to is one of ${EXPORT_FORMATS.join(', ')}, not '${values.to}'`);
    if (values.scenario !== undefined && format !== 'impact') throw new UsageError('--scenario goes with --to impact');
    const { model } = await loadSimulatableModel(positionals[0]!, io, 'exported');
    const carbon = values.scenario === undefined ? undefined : await scenarioOptions(model, values.scenario, io);
    const text = exportModel(model, format, { ...(carbon ? { carbon, scenario: values.scenario } : {}) });
    if (values.output === undefined) {
      io.stdout(text);
      return 0;
    }
    try {
      await writeFileAtomic(resolve(io.cwd, values.output), text);
    } catch (e) {
      throw new UsageError(`${values.output}: cannot be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return 0;
  },
};
