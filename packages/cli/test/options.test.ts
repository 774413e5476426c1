import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/io.js';
import { sweepValuesOption } from '../src/options.js';

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
