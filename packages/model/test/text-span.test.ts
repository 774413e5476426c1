// changedSpan: the one span where two texts differ.
import { describe, expect, it } from 'vitest';
import { changedSpan } from '../src/text-span.js';

describe('changedSpan', () => {
  it('finds the changed part, and an insertion or deletion as an empty side', () => {
    expect(changedSpan('service a {}', 'service ab {}')).toEqual({ start: 9, oldEnd: 9, newEnd: 10 });
    expect(changedSpan('aaaa', 'aa')).toEqual({ start: 2, oldEnd: 4, newEnd: 2 });
    expect(changedSpan('same', 'same')).toEqual({ start: 4, oldEnd: 4, newEnd: 4 });
    expect(changedSpan('work 2ms', 'work 3ms')).toEqual({ start: 5, oldEnd: 6, newEnd: 6 });
    // Longer than the chunks it compares first, a change on either side of a chunk's edge.
    const [head, tail] = ['a'.repeat(5_000), 'b'.repeat(3_000)];
    expect(changedSpan(`${head}x${tail}`, `${head}yz${tail}`)).toEqual({ start: 5_000, oldEnd: 5_001, newEnd: 5_002 });
    expect(changedSpan(`${head}${tail}`, `${head.slice(1)}c${tail}`)).toEqual({ start: 4_999, oldEnd: 5_000, newEnd: 5_000 });
    expect(changedSpan(`${head}${tail}`, `${head}${tail.slice(1)}`)).toEqual({ start: 7_999, oldEnd: 8_000, newEnd: 7_999 });
  });
});
