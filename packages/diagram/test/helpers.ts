// What the diagram's tests share: the examples parsed by the language package, geometry
// predicates, and reading the SVG back as XML.
import { resolve } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { loadModel, type LoadResult } from '@topo/language';
import type { Box, Point } from '../src/index.js';

export const EXAMPLES = resolve(__dirname, '../../../examples');

export async function loadExample(name: string): Promise<LoadResult> {
  return loadModel(resolve(EXAMPLES, `${name}.topo`));
}

/** Strict overlap of interiors: boxes that only touch do not overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** Does the axis-parallel segment a–b pass through the box's interior (shrunk by `inset`)? */
export function segmentCrosses(a: Point, b: Point, box: Box, inset = 1): boolean {
  const inner = { x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset };
  const seg = {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x) || 0.001,
    height: Math.abs(a.y - b.y) || 0.001,
  };
  return overlaps(seg, inner);
}

/** Parses the SVG as XML; throws on anything not well-formed. */
export function parseSvg(svg: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

export function elementsWithClass(doc: Document, tag: string, cls: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag)).filter((e) => (e.getAttribute('class') ?? '').split(' ').includes(cls));
}

export function numberAttr(e: Element, name: string): number {
  const v = e.getAttribute(name);
  if (v === null) throw new Error(`<${e.tagName}> has no ${name}`);
  return Number(v);
}
