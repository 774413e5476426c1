import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../src/format-text.js';

const examples = join(import.meta.dirname, '../../../examples');
const conformance = join(import.meta.dirname, '../../../test/conformance/valid');

describe('formatter', () => {
  it('writes the house style: one property per line, two spaces', async () => {
    const messy = 'service   s {layer sal work 2ms\n      call db   read timeout 40ms retries 1\nparallel { call a timeout 5ms call b timeout 6ms }}\ndatastore db: mysql\nservice a\nservice b';
    expect(await formatText(messy)).toBe(
      [
        'service s {',
        '  layer sal',
        '  work 2ms',
        '  call db read timeout 40ms retries 1',
        '  parallel {',
        '    call a timeout 5ms',
        '    call b timeout 6ms',
        '  }',
        '}',
        'datastore db: mysql',
        'service a',
        'service b',
        '',
      ].join('\n'),
    );
  });

  it.each(['netflix', 'retry-storm', 'tangled', 'petalith'])('leaves examples/%s.topo as it is (it is in house style)', async (name) => {
    const text = readFileSync(join(examples, `${name}.topo`), 'utf8');
    expect(await formatText(text)).toBe(text);
  });

  it.each(['fragile', 'api-budgets', 'chatty'])('is idempotent and keeps comments (%s)', async (name) => {
    const text = readFileSync(join(conformance, `${name}.topo`), 'utf8');
    const once = await formatText(text);
    expect(await formatText(once)).toBe(once);
    expect(once.match(/@expect/g)?.length).toBe(text.match(/@expect/g)?.length);
  });

  it('tidies the whitespace no token touches: line ends, runs of blank lines, the ends of the file', async () => {
    const messy = '\n\n// header   \n   \narchitecture shop   // the shop  \n\n\n\nservice a {\n  work 2ms    // aligned comments keep their spaces\n}\n\n\n';
    const tidy = '// header\n\narchitecture shop   // the shop\n\nservice a {\n  work 2ms    // aligned comments keep their spaces\n}\n';
    expect(await formatText(messy)).toBe(tidy);
    expect(await formatText(tidy)).toBe(tidy);
    expect(await formatText(messy.replaceAll('\n', '\r\n'))).toBe(tidy.replaceAll('\n', '\r\n'));
  });

  it('keeps lists and dotted names tight', async () => {
    expect(await formatText('region r { zones a ,b,  c }\nscenario s { chaos zone r . a down at 1s for 2s }')).toBe(
      'region r {\n  zones a, b, c\n}\nscenario s {\n  chaos zone r.a down at 1s for 2s\n}\n',
    );
  });
});
