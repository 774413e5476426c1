// The page of `topo report`: the preview and the results views with their data, script and
// style sheet inlined, so one HTML file opens from disk with no network and no server.
import { randomBytes } from 'node:crypto';
import type { ViewAssets } from './assets.js';
import type { ReportData } from './messages.js';
import { pageHtml } from './page.js';

export function reportHtml(data: ReportData, assets: ViewAssets): string {
  return pageHtml({
    title: `${data.preview.name} — Topo report`,
    view: 'report',
    nonce: randomBytes(16).toString('base64'),
    sources: assets,
    data,
  });
}
