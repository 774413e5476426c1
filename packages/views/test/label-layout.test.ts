import { describe, expect, it } from 'vitest';
import { ellipsize, firstFree, lineAround, overlaps } from '../src/results/label-layout.js';

/** Six pixels a character, as a monospace canvas font would measure. */
const measure = (s: string) => s.length * 6;

describe('where chart labels go', () => {
  it('cuts a label that does not fit after a whole word, with an ellipsis; a label that fits stays whole', () => {
    const label = 'fail subscriber 100%: subscriber.us-east-1.a.1, subscriber.us-east-1.a.2';
    expect(ellipsize(label, 1000, measure)).toBe(label);
    expect(ellipsize(label, 50 * 6, measure)).toBe('fail subscriber 100%: subscriber.us-east-1.a.1, …');
    expect(measure(ellipsize(label, 50 * 6, measure))).toBeLessThanOrEqual(50 * 6);
    expect(ellipsize(label, 20 * 6, measure)).toBe('fail subscriber …');
    // Not even the first word and the ellipsis: nothing, rather than a word cut in half.
    expect(ellipsize(label, 5 * 6, measure)).toBe('');
  });

  it('puts a label in the first place that overlaps nothing taken', () => {
    const share = { x: 100, y: 20, width: 30, height: 12 };
    const right = { x: 104, y: 24, width: 60, height: 13 };
    const left = { x: 36, y: 24, width: 60, height: 13 };
    expect(overlaps(right, share)).toBe(true);
    expect(firstFree([right, left], [share])).toBe(left);
    expect(firstFree([right], [share])).toBeUndefined();
  });

  it('breaks a marker line where it would cross a label, and nowhere else', () => {
    expect(lineAround(50, 0, 100, [])).toEqual([[0, 100]]);
    // A bar's share over the line from 40 to 52 (kept 2 away), another label beside the line.
    const boxes = [
      { x: 40, y: 40, width: 30, height: 12 },
      { x: 60, y: 0, width: 30, height: 12 },
    ];
    expect(lineAround(50, 0, 100, boxes)).toEqual([
      [0, 38],
      [54, 100],
    ]);
    expect(lineAround(50, 0, 100, [{ x: 40, y: -10, width: 30, height: 200 }])).toEqual([]);
  });
});
