// Colours and fonts as CSS custom properties (--topo-*), with light and dark defaults, so
// a page or a VS Code webview can restyle the picture: the OS colour scheme picks the
// defaults, VS Code's body classes (vscode-light, vscode-dark, vscode-high-contrast) win
// over it, and a webview may set any --topo-* variable itself, e.g. to a --vscode-* one.
// Renderers without custom properties (resvg, for PNG) get one palette written out.
import { FONTS, type FontRole } from './typography.js';

export type ColorMode = 'css' | 'light' | 'dark';

interface Token {
  name: string;
  light: string;
  dark: string;
}

const t = (name: string, light: string, dark: string): Token => ({ name, light, dark });

export const TOKENS: Token[] = [
  t('font', '"DejaVu Sans", Verdana, "Segoe UI", sans-serif', '"DejaVu Sans", Verdana, "Segoe UI", sans-serif'),
  t('background', '#ffffff', '#1e1e1e'),
  t('text', '#1f2328', '#e6edf3'),
  t('muted', '#57606a', '#9da7b3'),
  t('edge', '#6e7781', '#8b949e'),
  t('label-background', '#ffffff', '#1e1e1e'),
  t('group-fill', '#f6f8fa', '#252629'),
  t('group-stroke', '#d0d7de', '#3d444d'),
  t('petal-fill', '#fdf2f8', '#2e1f29'),
  t('petal-stroke', '#c2185b', '#f06292'),
  t('badge-fill', '#ffffff', '#2d333b'),
  t('badge-stroke', '#afb8c1', '#545d68'),
  t('edge-service-fill', '#e3f5f0', '#12302a'),
  t('edge-service-stroke', '#1a7f64', '#3fb99a'),
  t('esl-fill', '#e7effd', '#15264a'),
  t('esl-stroke', '#2f6bd8', '#6ea0f5'),
  t('sal-fill', '#efeafc', '#251f45'),
  t('sal-stroke', '#6a4fcf', '#a392f5'),
  t('service-fill', '#edf1f5', '#232c36'),
  t('service-stroke', '#5b7083', '#8fa7bd'),
  t('datastore-fill', '#f6eee6', '#30241a'),
  t('datastore-stroke', '#8a5a33', '#cf9f75'),
  t('cache-fill', '#e8f6ea', '#15321f'),
  t('cache-stroke', '#2b8a3e', '#5cc878'),
  t('error', '#cf222e', '#ff7b72'),
  t('error-fill', '#ffebe9', '#4a1a1c'),
  t('warning', '#bf8700', '#e3b341'),
  t('warning-fill', '#fff8c5', '#3b2f00'),
  t('info', '#0969da', '#58a6ff'),
  t('info-fill', '#ddf4ff', '#0c2d6b'),
];

function font(role: FontRole): string {
  const f = FONTS[role];
  return `font-size: ${f.size}px;${'bold' in f && f.bold ? ' font-weight: bold;' : ''}`;
}

/** The style sheet's rules, with each colour as `v(name)`. */
function rules(v: (name: string) => string): string {
  const node = (cls: string, kind: string) =>
    `.topo .node.${cls} .shape { fill: ${v(`${kind}-fill`)}; stroke: ${v(`${kind}-stroke`)}; }\n` +
    `.topo .node.${cls} .caption { fill: ${v(`${kind}-stroke`)}; }`;
  const mark = (m: string) =>
    [
      `.topo .node.mark-${m} .shape { fill: ${v(`${m}-fill`)}; stroke: ${v(m)}; stroke-width: 2.5; }`,
      `.topo .node.mark-${m} .caption, .topo .mark-${m} .label, .topo .group.mark-${m} .group-label { fill: ${v(m)}; }`,
      // The legend's finding items draw the same marks as the picture.
      `.topo .mark-${m} .mark-icon circle { fill: ${v(m)}; }`,
      `.topo .edge.mark-${m} .line, .topo .legend .mark-${m} .line { stroke: ${v(m)}; stroke-width: 2; }`,
      `.topo .edge-label.mark-${m} .label-background { stroke: ${v(m)}; }`,
      `.topo .group.mark-${m} .frame, .topo .legend .mark-${m} .frame { stroke: ${v(m)}; stroke-width: 2; }`,
      `.topo .arrow-${m} { fill: ${v(m)}; }`,
    ].join('\n');
  return [
    `.topo { font-family: ${v('font')}; }`,
    `.topo .canvas { fill: ${v('background')}; }`,
    `.topo .title { fill: ${v('text')}; ${font('title')} }`,
    `.topo .subtitle { fill: ${v('muted')}; ${font('subtitle')} }`,
    `.topo .group .frame { fill: ${v('group-fill')}; stroke: ${v('group-stroke')}; stroke-width: 1; }`,
    `.topo .group.petal .frame { fill: ${v('petal-fill')}; stroke: ${v('petal-stroke')}; stroke-dasharray: 6 3; stroke-width: 1.5; }`,
    `.topo .group .group-label { fill: ${v('muted')}; ${font('groupLabel')} }`,
    `.topo .group.petal .group-label { fill: ${v('petal-stroke')}; }`,
    `.topo .node .shape { stroke-width: 1.5; }`,
    `.topo .node .bounds { fill: none; stroke: none; }`,
    `.topo .node .rim { fill: none; }`,
    `.topo .node .caption { ${font('caption')} }`,
    `.topo .node .name { fill: ${v('text')}; ${font('name')} }`,
    `.topo .node .detail { fill: ${v('muted')}; ${font('detail')} }`,
    `.topo .node .badge rect { fill: ${v('badge-fill')}; stroke: ${v('badge-stroke')}; stroke-width: 1; }`,
    `.topo .node .badge text { fill: ${v('muted')}; ${font('badge')} }`,
    node('kind-edge-service', 'edge-service'),
    node('kind-esl', 'esl'),
    node('kind-sal', 'sal'),
    node('kind-service', 'service'),
    node('kind-datastore', 'datastore'),
    node('kind-cache', 'cache'),
    `.topo .node.kind-datastore .rim { stroke: ${v('datastore-stroke')}; stroke-width: 1.5; }`,
    `.topo .node.kind-cache .pins { stroke: ${v('cache-stroke')}; stroke-width: 1.5; }`,
    `.topo .edge .line { fill: none; stroke: ${v('edge')}; stroke-width: 1.4; }`,
    `.topo .edge.conditional .line { stroke-dasharray: 5 4; }`,
    `.topo .edge-label .label-background { fill: ${v('label-background')}; stroke: none; }`,
    `.topo .edge-label.on-group .label-background { fill: ${v('group-fill')}; }`,
    `.topo .edge-label.on-petal .label-background { fill: ${v('petal-fill')}; }`,
    `.topo .edge-label .label { fill: ${v('muted')}; ${font('edgeLabel')} }`,
    `.topo .junction .stub { stroke: ${v('edge')}; stroke-width: 1.4; }`,
    `.topo .junction-mark.parallel { fill: ${v('edge')}; }`,
    `.topo .junction-mark.route { fill: ${v('background')}; stroke: ${v('edge')}; stroke-width: 1.4; }`,
    `.topo .mark-icon text { fill: ${v('background')}; font-size: 11px; font-weight: bold; }`,
    `.topo .legend .line { fill: none; stroke: ${v('edge')}; stroke-width: 1.4; }`,
    `.topo .legend .line.dashed { stroke-dasharray: 5 4; }`,
    `.topo .legend .label-background { fill: ${v('background')}; }`,
    `.topo .legend .frame { fill: ${v('petal-fill')}; stroke: ${v('petal-stroke')}; stroke-dasharray: 4 2; }`,
    `.topo .legend .sample { fill: ${v('muted')}; ${font('edgeLabel')} }`,
    `.topo .legend .legend-text { fill: ${v('muted')}; ${font('legend')} }`,
    `.topo .arrow { fill: ${v('edge')}; }`,
    mark('error'),
    mark('warning'),
    mark('info'),
  ].join('\n');
}

function declarations(palette: 'light' | 'dark'): string {
  return TOKENS.map((tk) => `--topo-${tk.name}: ${tk[palette]};`).join(' ');
}

export function styleSheet(mode: ColorMode): string {
  if (mode !== 'css') {
    const values = new Map(TOKENS.map((tk) => [tk.name, tk[mode]]));
    return rules((name) => values.get(name)!);
  }
  return [
    `svg.topo { ${declarations('light')} }`,
    `@media (prefers-color-scheme: dark) { svg.topo { ${declarations('dark')} } }`,
    `.vscode-light svg.topo, .vscode-high-contrast-light svg.topo { ${declarations('light')} }`,
    `.vscode-dark svg.topo, .vscode-high-contrast:not(.vscode-high-contrast-light) svg.topo { ${declarations('dark')} }`,
    rules((name) => `var(--topo-${name})`),
  ].join('\n');
}
