// `topo diagram FILE -o out.svg|out.png`: the topology, laid out by elkjs and drawn as SVG
// (or PNG through resvg), with the file's warnings coloured on the picture.
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { createElk, drawDiagram, GROUP_BY_VALUES, type DrawnDiagram } from '@topo/diagram';
import { svgToPng } from '@topo/diagram/png';
import { UsageError, type Command } from '../io.js';
import { loadCheckedModel } from '../load.js';
import { choiceOption, parseCommandArgs } from '../options.js';

const THEMES = ['auto', 'light', 'dark'] as const;

export const diagram: Command = {
  usage: `topo diagram FILE [-o OUT.svg|OUT.png] [--group-by ${GROUP_BY_VALUES.join('|')}] [--theme ${THEMES.join('|')}]`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: 'string', short: 'o' },
      'group-by': { type: 'string' },
      theme: { type: 'string' },
    });
    const groupBy = choiceOption(values['group-by'], 'group-by', GROUP_BY_VALUES, 'petal');
    const theme = choiceOption(values.theme, 'theme', THEMES, 'auto');
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
      const { model, findings } = await loadCheckedModel(positionals[0]!, io);
      drawn = await drawDiagram(model, findings, { groupBy, elk, signal: io.signal, colors });
    } catch (e) {
      if (io.signal?.aborted) {
        io.stderr('topo diagram: interrupted, nothing written\n');
        return 130;
      }
      throw e;
    } finally {
      elk.terminateWorker();
    }
    if (drawn.svg === undefined) {
      io.stderr(`topo diagram: ${drawn.message}\n`);
      return 1;
    }
    const { svg, layout } = drawn;
    if (out === undefined) {
      io.stdout(svg);
      return 0;
    }
    try {
      writeFileSync(resolve(io.cwd, out), format === 'png' ? svgToPng(svg) : svg);
    } catch (e) {
      throw new UsageError(`cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const marked = [...layout.nodes, ...layout.edges, ...layout.groups].filter((x) => x.mark).length;
    io.stdout(
      `wrote ${out}: ${plural(layout.nodes.length, 'component')}, ${plural(layout.edges.length, 'call')}` +
        (marked > 0 ? `, ${marked} marked with findings (topo check ${positionals[0]} lists them)` : '') +
        '\n',
    );
    return 0;
  },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
