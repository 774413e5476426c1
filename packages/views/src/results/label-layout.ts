// Where a chart's labels go: boxes that overlap neither one another nor the lines they
// label, lines broken where a label sits on them, and text cut to the room it has. Plain
// geometry in canvas pixels, so it is tested without a canvas.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The first of `candidates` that overlaps none of `taken`, or undefined when each does. */
export function firstFree(candidates: readonly Box[], taken: readonly Box[]): Box | undefined {
  return candidates.find((c) => !taken.some((t) => overlaps(c, t)));
}

/** The stretches [from, to] of a vertical line at `x` from `top` to `bottom` that cross none of `boxes` (kept `gap` away from each). */
export function lineAround(x: number, top: number, bottom: number, boxes: readonly Box[], gap = 2): Array<[number, number]> {
  const cuts = boxes
    .filter((b) => x >= b.x - gap && x <= b.x + b.width + gap)
    .map((b): [number, number] => [b.y - gap, b.y + b.height + gap])
    .sort((a, b) => a[0] - b[0]);
  const stretches: Array<[number, number]> = [];
  let from = top;
  for (const [y0, y1] of cuts) {
    if (y0 > from) stretches.push([from, Math.min(y0, bottom)]);
    from = Math.max(from, y1);
    if (from >= bottom) break;
  }
  if (from < bottom) stretches.push([from, bottom]);
  return stretches.filter(([a, b]) => b > a);
}

/**
 * `text` as it fits in `width` (as `measure` reads it): whole, or cut after a word with an
 * ellipsis ("fail subscriber 100%: a.1, …"), or '' when not even its first word fits.
 */
export function ellipsize(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  const ends = [...text.matchAll(/\s+/g)].map((m) => m.index).reverse();
  for (const end of ends) {
    const cut = `${text.slice(0, end)} …`;
    if (measure(cut) <= width) return cut;
  }
  return '';
}
