import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { createElk, layoutDiagram, renderSvg } from '../src/index.js';
import { svgToPng } from '../src/png.js';
import { loadExample } from './helpers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Pixels that are not the white background in the rendered SVG. */
function inkedPixels(svg: string): number {
  const rgba = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().pixels;
  let inked = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i + 3]! > 0 && rgba[i]! < 200) inked++;
  return inked;
}

describe('PNG', () => {
  const elk = createElk();
  afterAll(() => elk.terminateWorker());

  it('renders the diagram at twice its size', async () => {
    const layout = await layoutDiagram((await loadExample('netflix')).model, { elk });
    const png = svgToPng(renderSvg(layout, { colors: 'light' }));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([layout.width * 2, layout.height * 2]);
  });

  it('finds a font for the text: without one, resvg draws no text at all', () => {
    const text = (s: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-family="DejaVu Sans, Verdana, sans-serif" font-size="20">${s}</text></svg>`;
    expect(inkedPixels(text(''))).toBe(0);
    expect(inkedPixels(text('homepage ×2'))).toBeGreaterThan(100);
  });
});
