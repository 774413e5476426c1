// A new picture as the parts that changed from the one a preview shows. At 100 services a
// diagram is some 270 KB of SVG, and an edit of one timeout changes a label and a tooltip,
// far apart in the text: the host sends those lines, and the view puts the whole text back
// together before it patches the picture.
import { changedSpan } from '@topo/model';

/** The text of the picture shown from `start` to `end` becomes `text`. */
export interface SvgSpan {
  start: number;
  end: number;
  text: string;
}

/** What turns picture `base` into the next: spans in order, apart. */
export interface SvgEdit {
  base: number;
  spans: SvgSpan[];
}

/**
 * The edit that turns `shown` (picture `base`) into `next`: the lines that changed when the
 * two have as many (the same layout, other words), else the one span where they differ.
 */
export function svgEdit(shown: string, next: string, base: number): SvgEdit {
  const [before, after] = [shown.split('\n'), next.split('\n')];
  if (before.length !== after.length) {
    const { start, oldEnd, newEnd } = changedSpan(shown, next);
    return { base, spans: [{ start, end: oldEnd, text: next.slice(start, newEnd) }] };
  }
  const spans: SvgSpan[] = [];
  let at = 0;
  before.forEach((line, i) => {
    if (line !== after[i]) spans.push({ start: at, end: at + line.length, text: after[i]! });
    at += line.length + 1;
  });
  return { base, spans };
}

/** `shown` with `edit` made: the picture the host sent. */
export function applySvgEdit(shown: string, edit: SvgEdit): string {
  let text = '';
  let at = 0;
  for (const span of edit.spans) {
    text += shown.slice(at, span.start) + span.text;
    at = span.end;
  }
  return text + shown.slice(at);
}
