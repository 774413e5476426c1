// `topo diagram FILE -o out.svg|out.png`: the topology, laid out by elkjs and drawn as SVG
// (or PNG through resvg), with the file's findings coloured on the picture. It draws whatever
// the language lowers to a model, and notes on stderr the errors and warnings it has.
import { extname } from 'node:path';
import { createElk, DEFAULT_GROUP_BY, drawDiagram, GROUP_BY_VALUES, type DrawnDiagram } from '@topo/diagram';
import { svgToPng } from '@topo/diagram/png';
import { plural } from '@topo/model';
import { EXIT, UsageError, type Command, type OptionSpecs } from '../io.js';
import { loadBuildableModel, noteFindings } from '../load.js';
import { writeOutputFile } from '../output.js';
import { choiceOption, parseCommandArgs } from '../options.js';

const THEMES = ['auto', 'light', 'dark'] as const;

const OPTIONS = {
  output: { type: 'string', short: 'o', value: 'OUT.svg|OUT.png', help: 'the file to write, SVG or PNG by its extension', otherwise: 'SVG on stdout' },
  'group-by': { type: 'string', value: GROUP_BY_VALUES.join('|'), help: 'what boxes the components', default: DEFAULT_GROUP_BY },
  theme: { type: 'string', value: THEMES.join('|'), help: "colours; auto follows the viewer's scheme (a PNG is drawn light)", default: 'auto' },
} as const satisfies OptionSpecs;

export const diagram: Command = {
  usage: `topo diagram FILE [-o OUT.svg|OUT.png] [--group-by ${GROUP_BY_VALUES.join('|')}] [--theme ${THEMES.join('|')}]`,
  options: OPTIONS,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    const groupBy = choiceOption(values['group-by'], 'group-by', GROUP_BY_VALUES, OPTIONS['group-by'].default);
    const theme = choiceOption(values.theme, 'theme', THEMES, OPTIONS.theme.default);
    if (positionals.length !== 1) throw new UsageError(`one file, please. usage: ${diagram.usage}`);
    const out = values.output;
    const format = out === undefined ? 'svg' : extname(out).toLowerCase().slice(1);
    if (format !== 'svg' && format !== 'png') throw new UsageError(`-o names a .svg or .png file, not '${out}'`);

    // `auto` follows the viewer's colour scheme; a PNG cannot, so it is drawn light.
    const colors = theme === 'auto' ? (format === 'png' ? 'light' : 'css') : theme;
    // The layout worker starts (and loads ELK) while the file is parsed.
    const elk = createElk();
    let drawn: DrawnDiagram;
    try {
      const { model, findings } = await loadBuildableModel(positionals[0]!, io, 'drawn');
      // With -o, the line saying what was written counts the marked findings instead.
      if (out === undefined) noteFindings(positionals[0]!, findings, io);
      drawn = await drawDiagram(model, findings, { groupBy, elk, signal: io.signal, colors });
    } catch (e) {
      if (io.signal?.aborted) {
        io.stderr('topo diagram: interrupted, nothing written\n');
        return EXIT.interrupted;
      }
      throw e;
    } finally {
      elk.terminateWorker();
    }
    if (drawn.svg === undefined) {
      io.stderr(`topo diagram: ${drawn.message}\n`);
      return EXIT.failed;
    }
    const { svg, layout } = drawn;
    if (out === undefined) {
      io.stdout(svg);
      return 0;
    }
    await writeOutputFile(out, format === 'png' ? svgToPng(svg) : svg, io.cwd);
    const marked = [...layout.nodes, ...layout.edges, ...layout.groups].filter((x) => x.mark).length;
    io.stdout(
      `wrote ${out}: ${plural(layout.nodes.length, 'component')}, ${plural(layout.edges.length, 'call')}` +
        (marked > 0 ? `, ${marked} marked with findings (topo check ${positionals[0]} lists them)` : '') +
        '\n',
    );
    return 0;
  },
};
