// A picture sent as what changed from the one the view has: made from the two texts, it gives
// the new text back, and at 100 services a changed label is its lines, not the picture.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySvgEdit, svgEdit } from '../src/svg-edit.js';

const lines = fc.array(fc.constantFrom('<g class="node"/>', '<path d="M0 0"/>', '<text>300ms</text>', '<text>301ms</text>', '', 'x'), { maxLength: 40 });

describe('svgEdit', () => {
  it('turns the picture shown into the new one, whatever the two texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 3000 }), fc.nat(), (shown, next, base) => {
        const edit = svgEdit(shown, next, base);
        expect(edit.base).toBe(base);
        expect(applySvgEdit(shown, edit)).toBe(next);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('does so line by line too, with as many lines or not', () => {
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const [shown, next] = [before.join('\n'), after.join('\n')];
        expect(applySvgEdit(shown, svgEdit(shown, next, 1))).toBe(next);
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it('sends only the lines that changed, however far apart', () => {
    const picture = (ms: number) =>
      ['<svg>', ...Array(2000).fill('<g class="node"/>'), `<title>timeout ${ms}ms</title>`, ...Array(2000).fill('<path d="M0 0"/>'), `<text class="label">${ms}ms</text>`, '</svg>'].join('\n');
    const edit = svgEdit(picture(300), picture(301), 7);
    expect(edit.base).toBe(7);
    expect(edit.spans.map((s) => s.text)).toEqual(['<title>timeout 301ms</title>', '<text class="label">301ms</text>']);
    expect(applySvgEdit(picture(300), edit)).toBe(picture(301));
    expect(svgEdit(picture(300), picture(300), 8).spans).toEqual([]);
  });
});
