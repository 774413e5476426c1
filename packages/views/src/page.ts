// The HTML page around a view, for a webview (scripts and styles from the extension's
// folder) and for the report (everything inlined). Either way a Content-Security-Policy
// allows no network at all and runs only the script carrying the page's nonce. Inline
// styles are allowed: the diagram's SVG brings its own <style>, and the views size bars
// and charts with style attributes.
import { escapeHtml } from './format.js';

/** The files of the views' bundle (built from main.ts). */
export const VIEWS_SCRIPT = 'views.js';
export const VIEWS_STYLE = 'views.css';

export type ViewName = 'preview' | 'results' | 'compare' | 'report';

/** Where the views' script and style sheet come from: URLs (webview) or their text (report). */
export type ViewSources = { scriptUrl: string; styleUrl: string; cspSource: string } | { script: string; style: string };

export interface PageOptions {
  title: string;
  view: ViewName;
  nonce: string;
  sources: ViewSources;
  /** Embedded as JSON for the view to read (the report's data). */
  data?: unknown;
}

export function contentSecurityPolicy(nonce: string, cspSource?: string): string {
  const from = cspSource ? `${cspSource} ` : '';
  return [`default-src 'none'`, `img-src ${from}data:`, `style-src ${from}'unsafe-inline'`, `script-src 'nonce-${nonce}'`].join('; ');
}

/** JSON that cannot end the <script> element it sits in. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function pageHtml(options: PageOptions): string {
  const { sources, nonce } = options;
  const inline = 'script' in sources;
  const csp = contentSecurityPolicy(nonce, inline ? undefined : sources.cspSource);
  const style = inline ? `<style>\n${sources.style}\n</style>` : `<link rel="stylesheet" href="${escapeHtml(sources.styleUrl)}">`;
  // An inlined script must not contain "</script" either; esbuild escapes it in strings.
  const script = inline
    ? `<script nonce="${nonce}">\n${sources.script.replace(/<\/script/gi, '<\\/script')}\n</script>`
    : `<script nonce="${nonce}" src="${escapeHtml(sources.scriptUrl)}"></script>`;
  const data = options.data === undefined ? '' : `<script type="application/json" id="topo-data">${scriptSafeJson(options.data)}</script>\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
${style}
</head>
<body>
<main id="topo-root" data-view="${options.view}"></main>
${data}${script}
</body>
</html>
`;
}
