// Syntax errors in words a user reads: a number without its unit, a misspelt keyword, a
// block left open. Each keeps the position the parser found; only the message changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/syntax-errors.js';
import { loadText } from './helpers.js';

/** The first syntax error: `line:column message` (1-based). */
async function firstSyntaxError(text: string): Promise<string | undefined> {
  const error = (await loadText(text)).findings.find((f) => f.code === 'syntax');
  return error && `${error.loc.start.line + 1}:${error.loc.start.character + 1} ${error.message}`;
}

describe('a number without its unit', () => {
  it.each([
    ['service a {\n  work 2\n}', '2:8 a duration needs a unit: 2ms, 2s'],
    ['service a {\n  work 2 ms\n}', '2:8 a duration needs a unit: 2ms, 2s'],
    ['service a {\n  memory 16\n}', '2:10 a size needs a unit: 16MB, 16GB, 16TB'],
    ['cache c: redis {\n  hit 90\n}', '2:7 a share needs a percent sign: 90%'],
  ])('%j', async (text, message) => {
    expect(await firstSyntaxError(text)).toBe(message);
  });

  it('says what goes there when it is not a number at all', async () => {
    expect(await firstSyntaxError('service a {\n  work fast\n}')).toBe('2:8 expected a duration such as 2ms or 2s, found `fast`');
  });

  it('does not fire on a duration with its unit', async () => {
    expect(await firstSyntaxError('service a {\n  work 2ms\n  memory 16GB\n}')).toBeUndefined();
  });
});

describe('a misspelt keyword', () => {
  it.each([
    ['service a {\n  wrok 1ms\n}', '2:3 `wrok` is not valid here: did you mean `work`?'],
    ['servce a {\n  work 1ms\n}', '1:1 `servce` is not valid here: did you mean `service`?'],
    ['architecture x\n\nservce a', '3:1 `servce` is not valid here: did you mean `service`?'],
    // The keywords valid where the word stands: after a call, its options count.
    ['service a {\n  call b timeout 10ms retires 1\n}\nservice b', '2:23 `retires` is not valid here: did you mean `retries`?'],
    ['datastore d: cassandra {\n  raed ONE\n}', '2:3 `raed` is not valid here: did you mean `read`?'],
    ['datastore d: cassandra {\n  read one\n}', '2:8 `one` is not valid here: did you mean `ONE`?'],
    ['region r {\n  provider awz\n}', '2:12 `awz` is not valid here: did you mean `aws`?'],
    ['scenario s {\n  lod 10 rps into a\n}\nservice a', '2:3 `lod` is not valid here: did you mean `load`?'],
  ])('%j', async (text, message) => {
    expect(await firstSyntaxError(text)).toBe(message);
  });

  it('suggests nothing for a word far from every keyword, and lists what the block takes', async () => {
    expect(await firstSyntaxError('scenario s {\n  frobnicate 1\n}')).toBe('2:3 `frobnicate` is not valid here: expected `load`, `users`, `warmup`, `seed`, `chaos` or `}`');
  });

  it('suggests only keywords valid there: `work` is not a declaration', async () => {
    expect(await firstSyntaxError('wrok a')).toBe('1:1 expected a declaration such as `service` or `datastore`, found `wrok`');
  });

  it('allows one edit in a short word and two in a longer one', () => {
    expect(editDistance('wrok', 'work')).toBe(1);
    expect(editDistance('retires', 'retries')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('wrk', ['work'])).toBe('work');
    expect(closest('wxyk', ['work'])).toBeUndefined();
    expect(closest('servicxx', ['service'])).toBe('service');
    expect(closest('sxrvicxx', ['service'])).toBeUndefined();
    expect(closest('memry', ['memory', 'members'])).toBe('memory');
    expect(closest('}', ['}'])).toBeUndefined();
  });
});

describe('a block left open', () => {
  it('where the next declaration starts', async () => {
    expect(await firstSyntaxError('service a {\n  work 1ms\n  call b timeout 10ms\n\nservice b')).toBe(
      '5:1 the block of service a opened on line 1 is not closed: a `}` is missing',
    );
  });

  it('at the end of the file', async () => {
    expect(await firstSyntaxError('architecture x\nregion r {\n  zones a, b\n')).toBe('3:13 the block of region r opened on line 2 is not closed: a `}` is missing');
  });

  it('names the innermost open block', async () => {
    expect(await firstSyntaxError('service a {\n  parallel {\n    call b timeout 10ms\n')).toBe('3:24 the parallel block opened on line 2 is not closed: a `}` is missing');
    expect(await firstSyntaxError('service a {\n  parallel {\n    call b timeout 10ms\n  }\nservice b')).toBe(
      '5:1 the block of service a opened on line 1 is not closed: a `}` is missing',
    );
  });

  it('does not fire when the blocks are closed', async () => {
    expect(await firstSyntaxError('service a {\n  parallel {\n    call b timeout 10ms\n  }\n}\nservice b')).toBeUndefined();
  });
});

describe('other errors', () => {
  it('expects a name by that word, not by a list of keywords', async () => {
    expect(await firstSyntaxError('service {\n}')).toBe('1:9 expected a name, found `{`');
  });

  it('says what was expected in words', async () => {
    expect(await firstSyntaxError('service a {\n  route\n}')).toBe('3:1 expected a share such as 90%, found `}`');
  });

  it('names the characters the lexer skipped, where they are, without an offset', async () => {
    expect(await firstSyntaxError('service a {\n  work 2ms ?\n}')).toBe('2:12 unexpected character `?`, skipped');
    expect(await firstSyntaxError('service a {\n  work 2ms ?!\n}')).toBe('2:12 unexpected characters `?!`, skipped');
  });
});

describe('the invalid conformance files', () => {
  const invalid = join(import.meta.dirname, '../../../test/conformance/invalid');
  it.each([
    ['missing-unit', '4:18 a duration needs a unit: 100ms, 100s'],
    ['misspelled-keyword', '3:1 `servce` is not valid here: did you mean `service`?'],
  ])('%s.topo', async (name, message) => {
    expect(await firstSyntaxError(readFileSync(join(invalid, `${name}.topo`), 'utf8'))).toBe(message);
  });

  it('breaker-share.topo (version 2): a bare number where an optional share could go', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../../test/conformance-v2/invalid/breaker-share.topo'), 'utf8');
    expect(await firstSyntaxError(text)).toBe('5:32 a share needs a percent sign: 50%');
  });

  it('missing-unit.topo gets its syntax error alone: no finding about what the parser guessed on that line', async () => {
    const { findings } = await loadText(readFileSync(join(invalid, 'missing-unit.topo'), 'utf8'));
    expect(findings.filter((f) => f.severity !== 'hint').map((f) => `${f.code}@${f.loc.start.line + 1}`)).toEqual(['syntax@4']);
  });
});
