// Every rule has a page in docs/rules/<id>.md: what it catches, why it matters, an example
// that fires and the fix. The examples are checked: the example reports the rule with the
// message the page shows, and the fix reports nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadModel, parseModelFromString } from '@topo/language';
import { ANALYSIS_RULE_IDS, analyze } from '@topo/model';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const docs = join(root, 'docs/rules');
const LANGUAGE_RULE_IDS = ['syntax', 'duplicate-name', 'duplicate-architecture', 'duplicate-property', 'unresolved-reference', 'unresolved-import', 'import-cycle'];

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

  for (const id of ['syntax', 'duplicate-name', 'duplicate-architecture', 'duplicate-property', 'unresolved-reference', 'unresolved-import']) {
    test(`${id}: the example reports it (with the message shown, if the page shows one), the fix does not`, async () => {
      const { example, message, fix } = page(id);
      const reported = (await parseModelFromString(example!)).findings.filter((f) => f.code === id);
      expect(reported).not.toEqual([]);
      if (message !== undefined) expect(reported.map((f) => f.message)).toContain(message);
      expect((await parseModelFromString(fix!, 'memory:///shop.topo', { 'memory:///lib/common.topo': 'team shop' })).findings.map((f) => f.code)).not.toContain(id);
    });
  }
});

/** Every file below a folder whose name ends with `ext`, recursively. */
function filesBelow(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : filesBelow(path, ext);
    return name.endsWith(ext) ? [path] : [];
  });
}

/** The codes the sources of the language and the analysis emit: as literals, or through a constant. */
function codesInSources(): Set<string> {
  const id = "'([a-z]+(?:-[a-z]+)*)'";
  const constant = '([A-Z][A-Z0-9_]*)';
  const texts = [...filesBelow(join(root, 'packages/language/src'), '.ts'), ...filesBelow(join(root, 'packages/model/src'), '.ts')].map((file) => readFileSync(file, 'utf8'));
  const all = (pattern: string) => texts.flatMap((text) => [...text.matchAll(new RegExp(pattern, 'g'))]);
  // `const UNUSED_IGNORE = 'unused-ignore'`, and then `code: UNUSED_IGNORE` or `...coded(UNUSED_IGNORE)`.
  const constants = new Map(all(`const ${constant} = ${id}`).map((m) => [m[1]!, m[2]!]));
  const literal = [`\\bcode: ${id}`, `\\bfinding\\(${id}`, `ruleDescription\\(${id}\\)`, `DocumentValidator\\.\\w+\\]: ${id}`].flatMap((p) => all(p).map((m) => m[1]!));
  const named = [`\\bcode: ${constant}\\b`, `ruleDescription\\(${constant}\\)`, `\\bcoded\\(${constant}\\)`, `DocumentValidator\\.\\w+\\]: ${constant}`].flatMap((p) => all(p).flatMap((m) => constants.get(m[1]!) ?? []));
  return new Set([...literal, ...named]);
}

const withoutPage = (codes: Iterable<string>) => [...codes].filter((code) => !existsSync(join(docs, `${code}.md`))).sort();

describe('every code has a page', () => {
  test('a code without a page is found', () => {
    expect(withoutPage(['timeout-budget', 'no-such-rule'])).toEqual(['no-such-rule']);
  });

  test('every code the sources of the language and the analysis emit', () => {
    const codes = codesInSources();
    // The scan sees each way a code is written: the registry's rules, the language's checks, Langium's errors.
    expect([...codes]).toEqual(expect.arrayContaining(['timeout-budget', 'duplicate-property', 'duplicate-architecture', 'unresolved-import', 'syntax', 'unresolved-reference', 'unused-ignore']));
    expect(withoutPage([...codes, ...ANALYSIS_RULE_IDS, ...LANGUAGE_RULE_IDS])).toEqual([]);
  });

  test('every code reported on the conformance files (version 2 included) and the examples', async () => {
    const files = ['test/conformance', 'test/conformance-v2', 'examples'].flatMap((dir) => filesBelow(join(root, dir), '.topo'));
    const reported = new Set<string>();
    for (const file of files) for (const f of (await loadModel(file, { workspaceRoot: root })).findings) reported.add(f.code);
    // `internal-error` marks a check that threw, a bug other tests catch, not a rule to explain.
    reported.delete('internal-error');
    expect(reported.size).toBeGreaterThan(10);
    expect(withoutPage(reported)).toEqual([]);
  });
});
