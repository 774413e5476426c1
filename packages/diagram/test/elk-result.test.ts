import { describe, expect, it } from 'vitest';
import { straighten } from '../src/elk-result.js';

describe('straighten', () => {
  it('snaps half-pixel jogs to right angles, following them along', () => {
    expect(
      straighten([
        { x: 0, y: 10 },
        { x: 100, y: 10.5 },
        { x: 200, y: 10.5 },
        { x: 200, y: 50 },
      ]),
    ).toEqual([
      { x: 0, y: 10 },
      { x: 100, y: 10 },
      { x: 200, y: 10 },
      { x: 200, y: 50 },
    ]);
  });

  it('leaves right angles and real diagonals alone', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 50, y: 40 },
    ];
    expect(straighten(square)).toEqual(square);
    const diagonal = [
      { x: 0, y: 0 },
      { x: 30, y: 20 },
    ];
    expect(straighten(diagonal)).toEqual(diagonal);
  });
});
