// The CLI's own numbers: one minus sign, thousands separators, a change as precise as its values.
import { describe, expect, it } from 'vitest';
import { formatKgCO2e } from '@topo/carbon';
import { changeLike, count, signed } from '../src/format-numbers.js';

describe('numbers', () => {
  it('signs a change with ASCII + and -', () => {
    expect(signed(-406.85, (n) => n.toFixed(3))).toBe('-406.850');
    expect(signed(12.3, formatKgCO2e)).toBe('+12.3 kgCO2e');
    expect(signed(0, String)).toBe('0');
  });

  it('separates thousands in counts', () => {
    expect(count(109835)).toBe('109,835');
    expect(count(1997.4)).toBe('1,997');
  });

  it('gives a change no more decimals than the values it is between', () => {
    expect(changeLike(0.02458, '10.94', '10.96')).toBe('0.02');
    expect(changeLike(407, '680', '273')).toBe('407');
    expect(changeLike(12345.6, '1,000', '13,345.6')).toBe('12,345.6');
  });
});
