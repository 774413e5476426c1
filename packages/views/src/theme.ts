// Colours for the charts, read from CSS custom properties (--topo-chart-*, which styles.css
// maps to VS Code's --vscode-charts-* in a webview and to its own palette in a static
// page), so canvas drawings follow the theme like the rest of the view.

export interface ChartPalette {
  text: string;
  /** The page's background: the plate under labels drawn over a chart. */
  background: string;
  muted: string;
  grid: string;
  font: string;
  throughput: string;
  latency: string;
  failed: string;
  attempts: string;
  waste: string;
  chaos: string;
  breaker: string;
  degraded: string;
  shade: string;
  bars: string;
}

/** The CSS custom property of each colour, for HTML that shows a chart's colours (its key). */
export const PALETTE_VARIABLES: Record<keyof ChartPalette, string> = {
  text: '--topo-fg',
  background: '--topo-bg',
  muted: '--topo-muted',
  grid: '--topo-border',
  font: '--topo-font',
  throughput: '--topo-chart-throughput',
  latency: '--topo-chart-latency',
  failed: '--topo-chart-failed',
  attempts: '--topo-chart-attempts',
  waste: '--topo-chart-waste',
  chaos: '--topo-chart-chaos',
  breaker: '--topo-chart-breaker',
  degraded: '--topo-chart-degraded',
  shade: '--topo-chart-shade',
  bars: '--topo-chart-bars',
};

export function chartPalette(element: Element = document.body): ChartPalette {
  const style = getComputedStyle(element);
  const palette = {} as ChartPalette;
  for (const [key, name] of Object.entries(PALETTE_VARIABLES) as Array<[keyof ChartPalette, string]>) {
    palette[key] = style.getPropertyValue(name).trim() || (key === 'font' ? 'sans-serif' : '#888888');
  }
  return palette;
}

/** The colour with an opacity, whatever CSS syntax it was written in. */
export function withAlpha(color: string, alpha: number): string {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = color;
  // Canvas normalises colours to #rrggbb (opaque) or rgba(...).
  const normal = ctx.fillStyle;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(normal);
  if (hex) return `rgba(${parseInt(hex[1]!, 16)}, ${parseInt(hex[2]!, 16)}, ${parseInt(hex[3]!, 16)}, ${alpha})`;
  return normal.replace(/rgba\(([^)]*),\s*[\d.]+\)/, `rgba($1, ${alpha})`);
}

/** Calls `onChange` when VS Code switches theme (it changes the body's classes). */
export function onThemeChange(onChange: () => void): void {
  new MutationObserver(onChange).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', onChange);
}
