// `// topo-ignore RULE[, RULE] -- reason` suppresses those rules' diagnostics that start on
// the comment's line or, when the comment stands alone on its line, on the next line. Only
// analysis rules can be ignored, and only with a reason. A comment that suppresses nothing
// (no reason, an id that cannot be ignored, nothing reported there) is `unused-ignore`.
import type { LangiumDocument } from 'langium';
import { CstUtils, isLeafCstNode } from 'langium';
import { ANALYSIS_RULE_IDS } from '@topo/model';
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver-types';
import { CONFIGURABLE_RULE_IDS, isIgnorableRuleId, isLanguageRuleId } from './rule-ids.js';
import { coded, UNUSED_IGNORE } from './validation/codes.js';
import { closest } from './syntax-errors.js';

export interface IgnoreComment {
  range: Range;
  /** True when nothing but the comment is on its line: it then covers the next line. */
  alone: boolean;
  /** The line whose diagnostics it suppresses. */
  covers: number;
  ids: { id: string; range: Range }[];
  /** The text after `--`, trimmed: empty when there is none. */
  reason: string;
  /** Just after the last id (or after `topo-ignore`): where another id goes. */
  idsEnd: Position;
}

const DIRECTIVE = /^\/\/\s*topo-ignore(?=\s|$)/;
/** ` -- ` between the ids and the reason (ids never hold two hyphens in a row). */
const SEPARATOR = /(?:^|\s)--(?=\s|$)/;

/** The topo-ignore comments of a document, in order. */
export function ignoreComments(document: LangiumDocument): IgnoreComment[] {
  const root = document.parseResult.value.$cstNode;
  if (!root || !document.textDocument.getText().includes('topo-ignore')) return [];
  return CstUtils.streamCst(root)
    .filter((n) => isLeafCstNode(n) && n.hidden && DIRECTIVE.test(n.text))
    .map((n) => parseIgnore(document, n.text, n.range))
    .toArray();
}

function parseIgnore(document: LangiumDocument, text: string, range: Range): IgnoreComment {
  const { line, character } = range.start;
  const alone = document.textDocument.getText({ start: { line, character: 0 }, end: range.start }).trim() === '';
  const head = DIRECTIVE.exec(text)![0].length;
  const rest = text.slice(head);
  const separator = SEPARATOR.exec(rest);
  const idsText = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const ids = [...idsText.matchAll(/[^\s,]+/g)].map((m) => {
    const start = character + head + m.index;
    return { id: m[0], range: { start: { line, character: start }, end: { line, character: start + m[0].length } } };
  });
  const idsEnd = ids.at(-1)?.range.end ?? { line, character: character + head };
  return { range, alone, covers: alone ? line + 1 : line, ids, reason, idsEnd };
}

/**
 * The diagnostics left once the document's topo-ignore comments have suppressed theirs,
 * with an `unused-ignore` warning for each comment, or id in one, that suppresses nothing.
 */
export function applyIgnores(document: LangiumDocument, diagnostics: Diagnostic[], source: string | undefined): Diagnostic[] {
  const comments = ignoreComments(document);
  if (comments.length === 0) return diagnostics;
  const byLine = new Map<number, IgnoreComment[]>();
  for (const c of comments) if (c.reason) byLine.set(c.covers, [...(byLine.get(c.covers) ?? []), c]);
  const used = new Map<IgnoreComment, Set<string>>(comments.map((c) => [c, new Set()]));
  const kept = diagnostics.filter((d) => {
    const code = String(d.code);
    const by = isIgnorableRuleId(code) ? byLine.get(d.range.start.line)?.find((c) => c.ids.some((i) => i.id === code)) : undefined;
    if (by) used.get(by)!.add(code);
    return !by;
  });
  const unused = comments.flatMap((c) =>
    unusedParts(c, used.get(c)!).map(
      (message): Diagnostic => ({ range: c.range, severity: DiagnosticSeverity.Warning, ...coded(UNUSED_IGNORE), source, message }),
    ),
  );
  return [...kept, ...unused];
}

/** Why a comment, or each of its ids, suppresses nothing. */
function unusedParts(c: IgnoreComment, used: Set<string>): string[] {
  if (c.ids.length === 0) return ['this topo-ignore names no rule: write `// topo-ignore RULE -- reason`'];
  if (!c.reason) return [`this topo-ignore gives no reason, so it suppresses nothing: write why after \`--\`, as in \`// topo-ignore ${c.ids.map((i) => i.id).join(', ')} -- why\``];
  const where = c.alone ? 'the next line' : 'this line';
  return c.ids.flatMap(({ id }) => {
    if (used.has(id)) return [];
    if (isIgnorableRuleId(id)) return [`no \`${id}\` is reported on ${where}: this topo-ignore suppresses nothing`];
    if (isLanguageRuleId(id)) return [`\`${id}\` is the language's own and cannot be ignored: fix it instead`];
    if (CONFIGURABLE_RULE_IDS.includes(id)) return [`\`${id}\` cannot be ignored by a comment; set its severity in topo.json`];
    const near = closest(id, ANALYSIS_RULE_IDS);
    return [`\`${id}\` is not a rule Topo reports${near ? ` (did you mean \`${near}\`?)` : ''}, so this topo-ignore suppresses nothing for it`];
  });
}
