// topo-ignore comments: what they suppress (their line, or the next when alone on theirs),
// `unused-ignore` for each that suppresses nothing and why, the quick fix that writes one,
// and the rule's page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codesByLine, loadText } from './helpers.js';

const unusedMessages = async (text: string) => (await loadText(text)).findings.filter((f) => f.code === 'unused-ignore').map((f) => `${f.loc.start.line + 1}: ${f.message}`);

describe('topo-ignore', () => {
  it('alone on its line, suppresses the rule on the next line only', async () => {
    const result = await loadText('service a {\n  // topo-ignore missing-timeout -- the client times out at 1s\n  call b\n  call c\n}\nservice b\nservice c');
    expect(codesByLine(result)).toEqual(['missing-timeout@4']);
  });

  it('after code, suppresses the rule on its own line only', async () => {
    const result = await loadText('service a {\n  call b // topo-ignore missing-timeout -- accepted\n  call c\n}\nservice b\nservice c');
    expect(codesByLine(result)).toEqual(['missing-timeout@3']);
  });

  it('two lines above the finding suppresses nothing, and says so', async () => {
    const text = 'service a {\n  // topo-ignore missing-timeout -- accepted\n\n  call b\n}\nservice b';
    expect(codesByLine(await loadText(text))).toEqual(['unused-ignore@2', 'missing-timeout@4']);
    expect(await unusedMessages(text)).toEqual(['2: no `missing-timeout` is reported on the next line: this topo-ignore suppresses nothing']);
  });

  it('names several rules, and reports the one that suppresses nothing', async () => {
    const text = 'service a {\n  call b retries 2 retry same // topo-ignore missing-timeout, retry-same-instance, fan-out -- legacy client\n}\nservice b';
    expect(codesByLine(await loadText(text))).toEqual(['unused-ignore@2']);
    expect(await unusedMessages(text)).toEqual(['2: no `fan-out` is reported on this line: this topo-ignore suppresses nothing']);
  });

  it('needs a reason: without one it suppresses nothing and is reported', async () => {
    for (const comment of ['// topo-ignore missing-timeout', '// topo-ignore missing-timeout --', '// topo-ignore missing-timeout --   ']) {
      const text = `service a {\n  call b ${comment}\n}\nservice b`;
      expect(codesByLine(await loadText(text))).toEqual(['missing-timeout@2', 'unused-ignore@2']);
      expect(await unusedMessages(text)).toEqual(['2: this topo-ignore gives no reason, so it suppresses nothing: write why after `--`, as in `// topo-ignore missing-timeout -- why`']);
    }
  });

  it('reports a comment that names no rule, unknown ids, the language\'s ids and unused-ignore itself', async () => {
    expect(await unusedMessages('service a // topo-ignore -- why')).toEqual(['1: this topo-ignore names no rule: write `// topo-ignore RULE -- reason`']);
    expect(await unusedMessages('service a // topo-ignore missing-timeouts -- why')).toEqual(['1: `missing-timeouts` is not a rule Topo reports (did you mean `missing-timeout`?), so this topo-ignore suppresses nothing for it']);
    expect(await unusedMessages('service a // topo-ignore slow-start -- why')).toEqual(['1: `slow-start` is not a rule Topo reports, so this topo-ignore suppresses nothing for it']);
    expect(await unusedMessages('service a // topo-ignore unused-ignore -- why')).toEqual(['1: `unused-ignore` cannot be ignored by a comment; set its severity in topo.json']);
    const duplicate = await loadText('service a\nservice a // topo-ignore duplicate-name -- why');
    expect(codesByLine(duplicate)).toEqual(['duplicate-name@2', 'unused-ignore@2']);
    expect(await unusedMessages('service a {\n  call nowhere timeout 1s // topo-ignore unresolved-reference -- why\n}')).toEqual([
      "2: `unresolved-reference` is the language's own and cannot be ignored: fix it instead",
    ]);
  });

  it('is a comment: `topo-ignore` in a string or a longer word is not one', async () => {
    expect(codesByLine(await loadText('architecture x "// topo-ignore missing-timeout -- no"\nservice a {\n  call b\n}\nservice b'))).toEqual(['missing-timeout@3']);
    expect(codesByLine(await loadText('service a {\n  call b // topo-ignored missing-timeout -- no\n}\nservice b'))).toEqual(['missing-timeout@2']);
  });

  it('applies to the file it is in, not to the same line of an imported file', async () => {
    const result = await loadText('import "lib.topo"\nservice a {\n  call b // topo-ignore missing-timeout -- why\n}', { 'file:///ws/lib.topo': 'service b\nservice c {\n  call b\n}' });
    expect(codesByLine(result)).toEqual([]);
    expect(codesByLine(result, 'file:///ws/lib.topo')).toEqual(['missing-timeout@3']);
  });
});

async function ignoreFix(text: string, code: string): Promise<{ action?: CodeAction; applied?: string }> {
  const { documents, services } = await loadText(text);
  const document = documents[0]!;
  const diagnostic = (document.diagnostics ?? []).find((d: Diagnostic) => d.code === code)!;
  const actions = (await services.lsp.CodeActionProvider!.getCodeActions(document, {
    textDocument: { uri: document.uri.toString() },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  })) as CodeAction[];
  const action = actions.find((a) => a.title === 'Ignore this finding here');
  const edits = action?.edit?.changes?.[document.uri.toString()] as TextEdit[] | undefined;
  return { action, applied: edits && TextDocument.applyEdits(TextDocument.create('x', 'topo', 1, text), edits) };
}

describe('the quick fix "Ignore this finding here"', () => {
  it('writes the comment on its own line above, indented like it, with a reason to fill in, which suppresses the finding', async () => {
    const { action, applied } = await ignoreFix('service a {\n    call b\n}\nservice b', 'missing-timeout');
    expect(action?.kind).toBe('quickfix');
    expect(applied).toBe('service a {\n    // topo-ignore missing-timeout -- TODO: reason\n    call b\n}\nservice b');
    expect(codesByLine(await loadText(applied!))).toEqual([]);
  });

  it('keeps Windows line ends', async () => {
    const { applied } = await ignoreFix('service a {\r\n  call b\r\n}\r\nservice b', 'missing-timeout');
    expect(applied).toBe('service a {\r\n  // topo-ignore missing-timeout -- TODO: reason\r\n  call b\r\n}\r\nservice b');
  });

  it('adds the rule to the topo-ignore already above the line, which a new line would cut off', async () => {
    const text = 'service a {\n  // topo-ignore retry-same-instance -- legacy client\n  call b retries 1 retry same\n}\nservice b';
    const { applied } = await ignoreFix(text, 'missing-timeout');
    expect(applied).toBe('service a {\n  // topo-ignore retry-same-instance, missing-timeout -- legacy client\n  call b retries 1 retry same\n}\nservice b');
    expect(codesByLine(await loadText(applied!))).toEqual([]);
  });

  it('is not offered for the language\'s own problems', async () => {
    expect((await ignoreFix('service a {\n  call nowhere timeout 1s\n}', 'unresolved-reference')).action).toBeUndefined();
  });
});

describe('the unused-ignore page', () => {
  const page = readFileSync(join(import.meta.dirname, '../../../docs/rules/unused-ignore.md'), 'utf8');
  const block = (section: string, lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(page.split(/^## /m).find((s) => s.startsWith(section)) ?? '')?.[1];

  it('has what, why, an example and the fix', () => {
    expect(page.startsWith('# `unused-ignore`')).toBe(true);
    for (const title of ['## What it catches', '## Why it matters', '## Example', '## Fix']) expect(page).toContain(title);
  });

  it('shows an example that reports it with the message shown, and a fix that reports nothing', async () => {
    expect(await unusedMessages(block('Example', 'topo')!)).toEqual([expect.stringContaining(block('Example', 'text')!.trim())]);
    expect((await loadText(block('Fix', 'topo')!)).findings.filter((f) => f.severity !== 'hint')).toEqual([]);
  });
});
