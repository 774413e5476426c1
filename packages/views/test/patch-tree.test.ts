// A new picture changes only the parts of the shown one that differ (patch-tree.ts).
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { patchTree } from '../src/preview/patch-tree.js';

const svg = (label: string, color = 'red', width = 100) =>
  `<svg width="${width}"><g class="edges"><g class="edge" data-call="0"><path d="M 0 0 L 1 1"/></g><g class="edge" data-call="1"><path d="M 1 1 L 2 2"/></g></g>` +
  `<g class="labels"><g class="edge-label"><text class="label" fill="${color}">${label}</text></g><g class="edge-label"><text class="label">fixed</text></g></g></svg>`;
const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml').documentElement!;
const text = (node: unknown) => new XMLSerializer().serializeToString(node as never);
/** The node at a path of child indexes. */
interface Part {
  childNodes: { item(i: number): Part | null };
  textContent: string | null;
  getAttribute(name: string): string | null;
}
const at = (node: unknown, ...path: number[]): Part => path.reduce((n: Part, i) => n.childNodes.item(i)!, node as Part);

describe('patchTree', () => {
  it('makes the shown picture the new one, replacing only the parts that differ', () => {
    const shown = parse(svg('300ms'));
    const [edges, labels, same, changed] = [at(shown, 0), at(shown, 1), at(shown, 1, 1), at(shown, 1, 0, 0)];
    expect(patchTree(shown as never, parse(svg('301ms')) as never)).toBe(true);
    expect(text(shown)).toBe(text(parse(svg('301ms'))));
    // What did not change is the same node as before: the webview keeps its layout.
    expect(at(shown, 0)).toBe(edges);
    expect(at(shown, 1)).toBe(labels);
    expect(at(shown, 1, 1)).toBe(same);
    expect(at(shown, 1, 0, 0)).toBe(changed);
    expect(changed.textContent).toBe('301ms');
  });

  it('replaces a part whose attributes differ whole', () => {
    const shown = parse(svg('300ms', 'red'));
    const before = at(shown, 1, 0, 0);
    expect(patchTree(shown as never, parse(svg('300ms', 'amber')) as never)).toBe(true);
    expect(at(shown, 1, 0, 0)).not.toBe(before);
    expect(at(shown, 1, 0, 0).getAttribute('fill')).toBe('amber');
  });

  it('leaves the shown picture as it is and says so when the roots differ (another size: a new layout)', () => {
    const shown = parse(svg('300ms'));
    expect(patchTree(shown as never, parse(svg('301ms', 'red', 120)) as never)).toBe(false);
    expect(text(shown)).toBe(text(parse(svg('300ms'))));
  });
});
