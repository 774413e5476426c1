// The rules as their pages describe them (docs/rules/<id>.md): what SARIF's tool.driver
// lists. The pages are the one place that says, for every rule the language and the
// analysis report, its default severity and what it catches.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rulesFolder } from '@topo/language';
import type { Severity } from '@topo/model';

export interface RulePage {
  id: string;
  /** From `**Severity:** …` at the top of the page. */
  severity?: Severity;
  /** The first sentence of "What it catches". */
  summary: string;
  /** "What it catches", each paragraph on one line. */
  description: string;
  /** The page itself, as a file: URL. */
  url: string;
  markdown: string;
}

let cached: RulePage[] | undefined;

/** Every rule page, by id. Empty when the pages are not shipped beside the code. */
export function rulePages(): RulePage[] {
  if (cached) return cached;
  const folder = rulesFolder();
  const names = folder ? readdirSync(folder).filter((n) => n.endsWith('.md')).sort() : [];
  cached = names.map((name) => parseRulePage(name.slice(0, -'.md'.length), join(folder!, name)));
  return cached;
}

function parseRulePage(id: string, path: string): RulePage {
  const markdown = readFileSync(path, 'utf8');
  const severity = /^\*\*Severity:\*\*\s*(error|warning|info)\b/m.exec(markdown)?.[1] as Severity | undefined;
  const section = /(?:^|\n)## What it catches\s*\n([\s\S]*?)(?=\n## |(?![\s\S]))/.exec(markdown)?.[1] ?? '';
  const paragraphs = section.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p !== '');
  const first = paragraphs[0] ?? '';
  // A paragraph that leads into a list or an example ends with a colon: a summary ends with a full stop.
  const summary = /^.*?\.(?=\s|$)/.exec(first)?.[0] ?? first.replace(/:$/, '.');
  return { id, severity, summary, description: paragraphs.join('\n\n'), url: pathToFileURL(path).href, markdown };
}
