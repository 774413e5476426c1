import { describe, expect, it } from 'vitest';
import { textWidth } from '../src/text-metrics.js';

describe('textWidth', () => {
  it('measures by the DejaVu Sans advance widths, in proportion to the size', () => {
    // 'm' is 974/1000 em wide, 'i' 278/1000.
    expect(textWidth('m', { size: 10 })).toBeCloseTo(9.74);
    expect(textWidth('i', { size: 10 })).toBeCloseTo(2.78);
    expect(textWidth('mi', { size: 20 })).toBeCloseTo(25.04);
    expect(textWidth('', { size: 12 })).toBe(0);
  });

  it('measures bold wider than regular', () => {
    expect(textWidth('homepage', { size: 13, bold: true })).toBeGreaterThan(textWidth('homepage', { size: 13 }));
  });

  it('knows the symbols the diagram writes, and counts any other character as one em', () => {
    expect(textWidth('×', { size: 10 })).toBeCloseTo(8.38);
    expect(textWidth('漢', { size: 10 })).toBeCloseTo(10);
    expect(textWidth('~', { size: 10 })).toBeCloseTo(8.38); // the last ASCII entry
  });
});
