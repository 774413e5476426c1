// SVG → PNG with resvg, for `topo diagram -o out.png`. A separate entry point
// (`@topo/diagram/png`) because resvg is a native module a webview cannot load.
import { Resvg } from '@resvg/resvg-js';

/** Renders at `scale` × the SVG's size; the SVG should carry written-out colours (not `css`). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
