// The quick fix "Ignore this finding here": a topo-ignore for the finding's rule, with a
// reason left to write, on its own line above the line the finding starts on (indented like
// it); or the rule added to the topo-ignore that already stands there, which a line put in
// between would break.
import type { LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { ignoreComments } from '../ignores.js';
import { isIgnorableRuleId } from '../rule-ids.js';

export const IGNORE_FINDING_TITLE = 'Ignore this finding here';
export const IGNORE_REASON_PLACEHOLDER = 'TODO: reason';

export function ignoreFindingAction(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
  const rule = String(diagnostic.code);
  if (!isIgnorableRuleId(rule)) return undefined;
  const line = diagnostic.range.start.line;
  const above = ignoreComments(document).find((c) => c.alone && c.reason && c.covers === line);
  let edit: TextEdit;
  if (above) {
    if (above.ids.some((i) => i.id === rule)) return undefined;
    edit = { range: { start: above.idsEnd, end: above.idsEnd }, newText: `, ${rule}` };
  } else {
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const indent = /^[ \t]*/.exec(text)![0];
    const eol = /\r\n$/.test(text) ? '\r\n' : '\n';
    const start = { line, character: 0 };
    edit = { range: { start, end: start }, newText: `${indent}// topo-ignore ${rule} -- ${IGNORE_REASON_PLACEHOLDER}${eol}` };
  }
  return { title: IGNORE_FINDING_TITLE, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri.toString()]: [edit] } } };
}
