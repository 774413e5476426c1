// The edits of the source action "Fix timeout budgets": the planner's timeouts for the calls
// written in a document. The code action and the what-if comparison (what-if.ts) both make
// them here. Apart from what-if.ts, so the editor's code actions and `topo check` do not load
// the simulator.
import type { LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { formatDuration, planTimeoutBudgetFixes } from '@topo/model';
import type { Call as AstCall, Route } from './generated/ast.js';
import { nodeAt } from './lsp/locate.js';
import { propertySpan } from './cst-spans.js';
import type { Analysis } from './models.js';

/** "Fix timeout budgets" in this document: the planner's timeouts for the calls written in it. */
export function timeoutBudgetEdits(document: LangiumDocument, analysis: Analysis): TextEdit[] {
  const byId = new Map(analysis.model.services.flatMap((s) => s.calls).map((c) => [c.id, c]));
  const uri = document.uri.toString();
  return planTimeoutBudgetFixes(analysis.model, analysis.context).flatMap((fix): TextEdit[] => {
    const call = byId.get(fix.callId);
    if (!call?.loc || call.loc.uri !== uri) return [];
    const node = nodeAt<AstCall | Route>(document, call.loc.start, ['Call', 'Route']);
    const range = node && propertySpan(node, 'timeout')?.value.range;
    return range ? [{ range, newText: formatDuration(fix.timeoutMs) }] : [];
  });
}
