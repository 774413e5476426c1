// Every rule has a page in docs/rules/<id>.md: what it catches, why it matters, an example
// that fires and the fix. The examples are checked: the example reports the rule with the
// message the page shows, and the fix reports nothing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseModelFromString } from '@topo/language';
import { ANALYSIS_RULE_IDS, analyze } from '@topo/model';

const docs = resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/rules');
const LANGUAGE_RULE_IDS = ['syntax', 'duplicate-name', 'unresolved-reference', 'unresolved-import', 'import-cycle'];

interface Page {
  text: string;
  example?: string;
  message?: string;
  fix?: string;
}

function page(id: string): Page {
  const text = readFileSync(join(docs, `${id}.md`), 'utf8');
  const section = (title: string) => text.split(/^## /m).find((s) => s.startsWith(title)) ?? '';
  const block = (s: string, lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(s)?.[1];
  const example = section('Example');
  return { text, example: block(example, 'topo'), message: block(example, 'text')?.trim(), fix: block(section('Fix'), 'topo') };
}

describe('rule pages', () => {
  for (const id of [...ANALYSIS_RULE_IDS, ...LANGUAGE_RULE_IDS]) {
    test(`${id} has a page with what, why, an example and the fix`, () => {
      expect(existsSync(join(docs, `${id}.md`))).toBe(true);
      const { text, example, fix } = page(id);
      expect(text.startsWith(`# \`${id}\``)).toBe(true);
      for (const title of ['## What it catches', '## Why it matters', '## Example', '## Fix']) expect(text).toContain(title);
      expect(example).toBeDefined();
      expect(fix).toBeDefined();
    });
  }

  for (const id of ANALYSIS_RULE_IDS) {
    test(`${id}: the example fires with the message shown, the fix is clean`, async () => {
      const { example, message, fix } = page(id);
      const before = await parseModelFromString(example!);
      expect(before.findings.filter((f) => LANGUAGE_RULE_IDS.includes(f.code))).toEqual([]);
      expect(analyze(before.model).filter((f) => f.code === id).map((f) => f.message)).toContain(message);
      const after = await parseModelFromString(fix!);
      expect(after.findings.filter((f) => f.severity !== 'hint').map((f) => `${f.code}: ${f.message}`)).toEqual([]);
    });
  }

  for (const id of ['syntax', 'duplicate-name', 'unresolved-reference', 'unresolved-import']) {
    test(`${id}: the example reports it, the fix does not`, async () => {
      const { example, fix } = page(id);
      expect((await parseModelFromString(example!)).findings.map((f) => f.code)).toContain(id);
      expect((await parseModelFromString(fix!, 'memory:///shop.topo', { 'memory:///lib/common.topo': 'team shop' })).findings.map((f) => f.code)).not.toContain(id);
    });
  }
});
