import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/io.js';
import { integerOption, sweepValuesOption } from '../src/options.js';

describe('sweep values', () => {
  it('parse FROM:TO:STEP inclusively', () => {
    expect(sweepValuesOption('100:500:100', 'rps')).toEqual([100, 200, 300, 400, 500]);
    expect(sweepValuesOption('0.5:1.5:0.5', 'rps')).toEqual([0.5, 1, 1.5]);
    expect(sweepValuesOption('100:150:100', 'rps')).toEqual([100]);
    expect(sweepValuesOption('10:30:10', 'users')).toEqual([10, 20, 30]);
  });

  it('refuse anything else, as a usage error', () => {
    for (const bad of ['100:500', '500:100:100', '0:100:10', '100:500:-1', 'a:b:c']) {
      expect(() => sweepValuesOption(bad, 'rps')).toThrow(/FROM:TO:STEP/);
      expect(() => sweepValuesOption(bad, 'rps')).toThrow(UsageError);
    }
    expect(() => sweepValuesOption('1:5:0.5', 'users')).toThrow(/whole numbers of users/);
  });
});

describe('integerOption', () => {
  it('takes digits at or above the minimum, and the default when absent', () => {
    expect(integerOption('0', 'seed', 7, 0)).toBe(0);
    expect(integerOption('12', 'jobs', 1, 1)).toBe(12);
    expect(integerOption(undefined, 'jobs', 3, 1)).toBe(3);
    expect(integerOption(undefined, 'max-warnings', undefined, 0)).toBeUndefined();
  });

  it("refuses what is not plainly a whole number, or is below the minimum: '', '1e3', ' 3', '1.5', '-1', '0' for ≥ 1", () => {
    for (const bad of ['', '1e3', ' 3', '1.5', '-1']) expect(() => integerOption(bad, 'seed', 0, 0)).toThrow(/--seed wants a whole number ≥ 0/);
    expect(() => integerOption('0', 'jobs', 1, 1)).toThrow("--jobs wants a whole number ≥ 1, not '0'");
  });
});
