import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageHtml, scriptSafeJson } from '../src/page.js';
import { reportHtml } from '../src/report-page.js';
import type { ReportData } from '../src/messages.js';

describe('the page around a view', () => {
  it('allows only the nonce script and inline styles, from the webview source at most', () => {
    expect(contentSecurityPolicy('n0nce', 'https://file+.vscode-resource.vscode-cdn.net')).toBe(
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net 'unsafe-inline'; script-src 'nonce-n0nce'",
    );
    expect(contentSecurityPolicy('n0nce')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-n0nce'");
  });

  it('loads the views from URLs in a webview', () => {
    const html = pageHtml({ title: 'Preview: a.topo', view: 'preview', nonce: 'abc', sources: { scriptUrl: 'https://x/views.js', styleUrl: 'https://x/views.css', cspSource: 'https://x' } });
    expect(html).toContain('<script nonce="abc" src="https://x/views.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="https://x/views.css">');
    expect(html).toContain('<main id="topo-root" data-view="preview"></main>');
    expect(html).not.toContain('topo-data');
  });

  it('inlines the views and their data in the report, so that nothing in the data can end its script', () => {
    const data = { preview: { name: '</script><script>alert(1)</script>' } };
    const html = pageHtml({ title: 't', view: 'report', nonce: 'abc', sources: { script: 'var a = "</script>";', style: 'body{}' }, data });
    expect(html).toContain('<style>\nbody{}\n</style>');
    expect(html).toContain('<script nonce="abc">\nvar a = "<\\/script>";\n</script>');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const embedded = /<script type="application\/json" id="topo-data">(.*)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(embedded)).toEqual(data);
  });

  it('writes JSON that stays JSON and cannot close an element', () => {
    const text = scriptSafeJson({ s: '</b>\u2028\u2029' });
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ s: '</b>\u2028\u2029' });
  });

  it('titles the report after the file and gives each report its own nonce', () => {
    const data = { preview: { uri: 'file:///a.topo', name: 'a.topo', diagram: { nodes: [] }, carbon: {}, problems: { errors: 0, warnings: 0 } }, generated: 'now' } satisfies ReportData;
    const assets = { script: '1', style: '2' };
    const [one, two] = [reportHtml(data, assets), reportHtml(data, assets)];
    expect(one).toContain('<title>a.topo — Topo report</title>');
    const nonce = (html: string) => /'nonce-([^']+)'/.exec(html)![1];
    expect(nonce(one)).not.toBe(nonce(two));
  });
});
