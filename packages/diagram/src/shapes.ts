// Outlines of the node shapes and the edges' path data, as SVG path strings.
import type { Box, Point } from './layout-types.js';
import { num } from './svg-text.js';
import { CYLINDER_RY, PIN_LENGTH, TAG_DEPTH } from './typography.js';

/** A point in path data. */
export const p = (x: number, y: number) => `${num(x)} ${num(y)}`;

/** An edge service: a tag whose point faces the clients on the left. */
export function tagPath(b: Box): string {
  const r = 5;
  const { x, y, width: w, height: h } = b;
  return (
    `M ${p(x, y + h / 2)} L ${p(x + TAG_DEPTH, y)} H ${num(x + w - r)} Q ${p(x + w, y)} ${p(x + w, y + r)} ` +
    `V ${num(y + h - r)} Q ${p(x + w, y + h)} ${p(x + w - r, y + h)} H ${num(x + TAG_DEPTH)} Z`
  );
}

/** A diamond filling the box: where a service's routes branch. */
export function diamondPath(b: Box): string {
  const { x, y, width: w, height: h } = b;
  return `M ${p(x, y + h / 2)} L ${p(x + w / 2, y)} L ${p(x + w, y + h / 2)} L ${p(x + w / 2, y + h)} Z`;
}

/** A datastore: a cylinder filling the box; `rim` is the front edge of its lid. */
export function cylinderPaths(b: Box): { body: string; rim: string } {
  const { x, y, width: w, height: h } = b;
  const rx = w / 2;
  const ry = CYLINDER_RY;
  return {
    body:
      `M ${p(x, y + ry)} A ${p(rx, ry)} 0 0 1 ${p(x + w, y + ry)} V ${num(y + h - ry)} ` +
      `A ${p(rx, ry)} 0 0 1 ${p(x, y + h - ry)} Z`,
    rim: `M ${p(x, y + ry)} A ${p(rx, ry)} 0 0 0 ${p(x + w, y + ry)}`,
  };
}

/** A cache: a memory chip, a rectangle with pins along its top and bottom. */
export function chipPaths(b: Box): { body: string; pins: string } {
  const { x, y, width: w, height: h } = b;
  const top = y + PIN_LENGTH;
  const bottom = y + h - PIN_LENGTH;
  const r = 3;
  const body =
    `M ${p(x + r, top)} H ${num(x + w - r)} Q ${p(x + w, top)} ${p(x + w, top + r)} V ${num(bottom - r)} ` +
    `Q ${p(x + w, bottom)} ${p(x + w - r, bottom)} H ${num(x + r)} Q ${p(x, bottom)} ${p(x, bottom - r)} ` +
    `V ${num(top + r)} Q ${p(x, top)} ${p(x + r, top)} Z`;
  const count = Math.max(3, Math.floor((w - 24) / 18) + 1);
  const step = (w - 24) / (count - 1);
  const pins: string[] = [];
  for (let i = 0; i < count; i++) {
    const px = x + 12 + i * step;
    pins.push(`M ${p(px, y)} V ${num(top)} M ${p(px, bottom)} V ${num(y + h)}`);
  }
  return { body, pins: pins.join(' ') };
}

/** Points joined by straight lines with rounded corners, as orthogonal routes look best. */
export function roundedPolyline(points: Point[], radius = 6): string {
  if (points.length === 0) return '';
  const parts = [`M ${p(points[0]!.x, points[0]!.y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const r = Math.min(radius, dist(a, b) / 2, dist(b, c) / 2);
    const from = toward(b, a, r);
    const to = toward(b, c, r);
    parts.push(`L ${p(from.x, from.y)} Q ${p(b.x, b.y)} ${p(to.x, to.y)}`);
  }
  const last = points[points.length - 1]!;
  parts.push(`L ${p(last.x, last.y)}`);
  return parts.join(' ');
}

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function toward(from: Point, to: Point, d: number): Point {
  const len = dist(from, to);
  return len === 0 ? from : { x: from.x + ((to.x - from.x) * d) / len, y: from.y + ((to.y - from.y) * d) / len };
}
