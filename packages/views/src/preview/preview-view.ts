// The preview: the diagram (pan, zoom, click a node to reveal it) beside the carbon table,
// with the file's diagnostic counts in the toolbar. `carbon` mode shows the table alone.
import type { Host } from '../host.js';
import type { DiagramView, PreviewData, PreviewMode } from '../messages.js';
import { plural } from '@topo/model';
import { escapeHtml } from '../format.js';
import { carbonHtml } from './carbon-table.js';
import { DiagramPane, FIT } from './diagram-pane.js';

/** Bounds of the diagram's height when stacked above the carbon table: at least this, at most this share of the room. */
const MIN_DIAGRAM_HEIGHT = 240;
const MAX_DIAGRAM_SHARE = 0.7;

/** The height of a stacked diagram: what its picture needs fitted to the width (`wanted`), within bounds of the `room` it shares. */
export function stackedDiagramHeight(wanted: number, room: number): number {
  return Math.round(Math.max(MIN_DIAGRAM_HEIGHT, Math.min(wanted, MAX_DIAGRAM_SHARE * room)));
}

/**
 * `split` puts the diagram beside the carbon table (stacked when the view is narrow), for a
 * webview the height of the window; `stacked` puts it above at any width, the page scrolling
 * (the report), so a wide diagram gets the whole width and no more height than it needs.
 */
export type PreviewLayout = 'split' | 'stacked';

export interface PreviewView {
  update(mode: PreviewMode, data: PreviewData): void;
}

/** "2 errors · 1 warning", or "no problems". */
export function problemsSummary(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'no problems';
  return [errors > 0 && plural(errors, 'error'), warnings > 0 && plural(warnings, 'warning')].filter(Boolean).join(' · ');
}

export function mountPreview(root: HTMLElement, host: Host, initialView: DiagramView = FIT, layout: PreviewLayout = 'split'): PreviewView {
  root.innerHTML =
    `<div class="preview${layout === 'stacked' ? ' stacked' : ''}">` +
    `<header class="toolbar"><span class="file"></span><span class="problems"></span><span class="spacer"></span>` +
    `<span class="zoom"><button type="button" data-action="zoom-out" title="Zoom out">−</button>` +
    `<button type="button" data-action="fit" title="Fit the diagram to the view">Fit</button>` +
    `<button type="button" data-action="actual" title="Actual size">1:1</button>` +
    `<button type="button" data-action="zoom-in" title="Zoom in">+</button></span></header>` +
    `<div class="split"><section class="diagram-section" aria-label="Diagram"><div class="diagram-viewport" tabindex="0"></div>` +
    `<p class="message diagram-message" hidden></p></section>` +
    `<section class="carbon-section" aria-label="Carbon estimate"><h2>Carbon</h2><div class="carbon"></div></section></div></div>`;
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const preview = q<HTMLElement>('.preview');
  let current: { uri: string; mode: PreviewMode } | undefined;

  const pane = new DiagramPane(
    q<HTMLElement>('.diagram-viewport'),
    initialView,
    (view) => current && host.saveState({ kind: 'preview', uri: current.uri, mode: current.mode, view }),
    (id) => host.post({ type: 'reveal', id }),
  );
  root.querySelector('.zoom')!.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest('button')?.dataset.action;
    if (action === 'zoom-in') pane.zoom(1.25);
    else if (action === 'zoom-out') pane.zoom(0.8);
    else if (action === 'fit') pane.fit();
    else if (action === 'actual') pane.actualSize();
  });
  preview.classList.toggle('interactive', host.interactive);

  // Stacked (narrow, or always in the report), the diagram takes the height its width needs,
  // within bounds, and the carbon table the rest (in the report, the page scrolls to it);
  // side by side, both take the full height.
  const section = q<HTMLElement>('.diagram-section');
  const stacked = window.matchMedia('(max-width: 760px)');
  const sizeSection = () => {
    const wanted = pane.heightToFitWidth();
    if (wanted === undefined || (layout === 'split' && !stacked.matches)) section.style.removeProperty('height');
    else section.style.height = `${stackedDiagramHeight(wanted, layout === 'stacked' ? window.innerHeight : q<HTMLElement>('.split').clientHeight)}px`;
  };
  stacked.addEventListener('change', sizeSection);
  window.addEventListener('resize', sizeSection);

  return {
    update(mode, data) {
      current = { uri: data.uri, mode };
      preview.classList.toggle('mode-carbon', mode === 'carbon');
      q('.file').textContent = data.name;
      const problems = q<HTMLElement>('.problems');
      problems.textContent = problemsSummary(data.problems.errors, data.problems.warnings);
      problems.className = `problems ${data.problems.errors > 0 ? 'bad' : data.problems.warnings > 0 ? 'warn' : 'ok'}`;
      const message = q<HTMLElement>('.diagram-message');
      message.hidden = !data.diagram.message;
      message.innerHTML = escapeHtml(data.diagram.message ?? '');
      if (data.diagram.svg) {
        pane.show(data.diagram.svg);
        sizeSection();
      }
      q('.carbon').innerHTML = carbonHtml(data.carbon);
    },
  };
}
