import { describe, expect, it } from 'vitest';
import { straighten, withoutEndJog } from '../src/elk-result.js';

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

describe('withoutEndJog', () => {
  const target = { x: 300, y: 0, width: 100, height: 60 };
  // Along at y=30, a step down to y=40 just before the arrow, into the target's left side.
  const jogged = [
    { x: 0, y: 30 },
    { x: 280, y: 30 },
    { x: 280, y: 40 },
    { x: 300, y: 40 },
  ];

  it('runs a line straight in where it already meets the side', () => {
    expect(withoutEndJog(jogged, target, [])).toEqual([
      { x: 0, y: 30 },
      { x: 300, y: 30 },
    ]);
  });

  it('keeps the step when the line would meet the side at a corner, or at another arrow', () => {
    expect(withoutEndJog(jogged, { ...target, y: 25 }, [])).toEqual(jogged);
    expect(withoutEndJog(jogged, target, [{ x: 300, y: 33 }])).toEqual(jogged);
    expect(withoutEndJog(jogged, target, [{ x: 400, y: 33 }])).not.toEqual(jogged);
  });

  it('keeps the step when the label sits on the last stretch', () => {
    expect(withoutEndJog(jogged, target, [], { x: 284, y: 33, width: 12, height: 14 })).toEqual(jogged);
    expect(withoutEndJog(jogged, target, [], { x: 100, y: 23, width: 40, height: 14 })).not.toEqual(jogged);
  });

  it('keeps a real turn, and a line with no step', () => {
    const turn = [jogged[0]!, jogged[1]!, { x: 280, y: 55 }, { x: 300, y: 55 }];
    expect(withoutEndJog(turn, { ...target, height: 100 }, [])).toEqual(turn);
    const straight = [jogged[0]!, { x: 300, y: 30 }];
    expect(withoutEndJog(straight, target, [])).toEqual(straight);
  });
});
