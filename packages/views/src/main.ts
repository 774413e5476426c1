// The views' entry point in the browser: bundled (with its CSS) as views.js and views.css,
// loaded by the webviews and inlined into the page of `topo report`. The page's
// <main data-view> says which view to mount.
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { escapeHtml } from './format.js';
import { mountCompare } from './compare/compare-view.js';
import { isWebview, staticHost, webviewHost, type Host } from './host.js';
import type { ReportData } from './messages.js';
import { mountPreview } from './preview/preview-view.js';
import { applySvgEdit } from './svg-edit.js';
import { mountResults } from './results/results-view.js';

const root = document.getElementById('topo-root')!;

function mountWebview(host: Host): void {
  const saved = host.state();
  if (root.dataset.view === 'compare') {
    const view = mountCompare(root);
    if (saved?.kind === 'compare') view.show(saved.data);
    host.onMessage((message) => {
      if (message.type === 'compare') {
        host.saveState({ kind: 'compare', data: message.data });
        view.show(message.data);
      }
    });
  } else if (root.dataset.view === 'results') {
    const view = mountResults(root, host);
    if (saved?.kind === 'results') view.show(saved.data);
    host.onMessage((message) => {
      if (message.type === 'results') {
        showFailure(undefined);
        host.saveState({ kind: 'results', data: message.data });
        view.show(message.data);
      } else if (message.type === 'failed') showFailure(message.message);
    });
  } else {
    const view = mountPreview(root, host, saved?.kind === 'preview' ? saved.view : undefined);
    /** The picture shown, which the host's next may come as an edit of. */
    let shown: { version: number; svg: string } | undefined;
    host.onMessage((message) => {
      if (message.type === 'preview') {
        const { picture } = message;
        let { data } = message;
        if (picture?.edit) {
          // Not the picture the edit was made from (the view was reloaded): ask for it whole.
          if (shown?.version !== picture.edit.base) return host.post({ type: 'ready' });
          data = { ...data, diagram: { ...data.diagram, svg: applySvgEdit(shown.svg, picture.edit) } };
        }
        if (picture && data.diagram.svg !== undefined) shown = { version: picture.version, svg: data.diagram.svg };
        showFailure(undefined);
        const prior = host.state();
        host.saveState({ kind: 'preview', uri: data.uri, mode: message.mode, view: prior?.kind === 'preview' ? prior.view : undefined });
        view.update(message.mode, data);
      } else if (message.type === 'failed') showFailure(message.message);
    });
  }
  host.post({ type: 'ready' });
}

/** Shows why the view is stale, or (undefined) removes that once it is up to date again. */
function showFailure(message: string | undefined): void {
  let banner = root.querySelector('.banner.failure');
  if (message === undefined) {
    banner?.remove();
    return;
  }
  if (!banner) {
    banner = document.createElement('p');
    banner.className = 'banner failure';
    root.prepend(banner);
  }
  banner.innerHTML = escapeHtml(message);
}

function mountReport(host: Host): void {
  const data = JSON.parse(document.getElementById('topo-data')!.textContent!) as ReportData;
  root.innerHTML =
    `<header class="report-header"><h1>${escapeHtml(data.preview.name)}</h1><span class="muted">Topo report · ${escapeHtml(data.generated)}</span></header>` +
    `<div class="report-preview"></div><div class="report-results"></div>`;
  mountPreview(root.querySelector('.report-preview')!, host, undefined, 'stacked').update('preview', data.preview);
  const results = root.querySelector<HTMLElement>('.report-results')!;
  if (data.results) mountResults(results, host).show(data.results);
  else results.innerHTML = `<p class="muted">No scenario was simulated for this report.</p>`;
}

if (isWebview()) mountWebview(webviewHost());
else mountReport(staticHost());
