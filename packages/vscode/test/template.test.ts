import { parseModelFromString } from '@topo/language';
import { describe, expect, it } from 'vitest';
import { TEMPLATE } from '../src/commands/template.js';

/** The text VS Code inserts when the user accepts every placeholder's default. */
function expandSnippet(snippet: string): string {
  const defaults = new Map<string, string>();
  for (const m of snippet.matchAll(/\$\{(\d+):([^}]*)\}/g)) defaults.set(m[1]!, m[2]!);
  return snippet
    .replace(/\$\{(\d+):([^}]*)\}/g, '$2')
    .replace(/\$\{(\d+)\}/g, (_, n: string) => defaults.get(n) ?? '')
    .replace(/\$0/g, '');
}

describe('the new-file template', () => {
  it('is an architecture that passes every rule', async () => {
    const text = expandSnippet(TEMPLATE);
    expect(text).toContain('service ordersService {');
    const { model, findings } = await parseModelFromString(text, 'file:///shop.topo');
    expect(findings.filter((f) => f.severity !== 'hint')).toEqual([]);
    expect(model.scenarios.map((s) => s.name)).toEqual(['peak']);
  });

  it('has no placeholder left once expanded', () => {
    expect(expandSnippet(TEMPLATE)).not.toMatch(/\$/);
  });
});
