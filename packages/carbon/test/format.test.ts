import { describe, expect, it } from 'vitest';
import { formatKgCO2e } from '../src/index.js';

describe('formatKgCO2e', () => {
  it.each([
    [0, '0.0 gCO2e'],
    [0.0123, '12.3 gCO2e'],
    [0.5, '500 gCO2e'],
    [1, '1.0 kgCO2e'],
    [30.174, '30.2 kgCO2e'],
    [917.4, '917 kgCO2e'],
    [1234, '1.23 tCO2e'],
    // A saving reads with the precision of the same amount spent.
    [-406.85, '-407 kgCO2e'],
    [-0.5, '-500 gCO2e'],
  ])('%d kg → %s', (kg, text) => expect(formatKgCO2e(kg)).toBe(text));
});
