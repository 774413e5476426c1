// The house style of the language reference: one declaration after another, blocks with
// `{` on the declaration's line, one property per line indented by two spaces, one space
// between the words of a property, `a, b, c` lists. Idempotent.
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AstUtils, GrammarAST } from 'langium';
import { ownLevel } from './cst-spans.js';
import { isWrittenAsName } from './names.js';
import { AbstractFormatter, Formatting } from 'langium/lsp';

/** Keywords that start a property line, per block type. */
const PROPERTY_KEYWORDS: Record<string, string[]> = {
  Region: ['provider', 'zones', 'grid', 'pue'],
  Network: ['zone', 'crosszone', 'crossregion', 'petal', 'encode', 'discovery'],
  Service: ['team', 'regions', 'zones', 'threads', 'queue', 'lock', 'layer', 'memory', 'owns', 'provides', 'uses', 'chaos', 'deadline', 'budget'],
  Datastore: ['team', 'regions', 'zones', 'threads', 'queue', 'lock', 'replication', 'read', 'write', 'storage'],
  Cache: ['team', 'regions', 'zones', 'threads', 'queue', 'lock', 'hit'],
  Petal: ['region', 'memory', 'replicas', 'members'],
  Scenario: ['warmup', 'seed'],
  Parallel: [],
};

export class TopoFormatter extends AbstractFormatter {
  /** Langium formats around tokens; the whitespace no token touches (after comments, blank lines) is tidied on the result. */
  override async formatDocument(document: LangiumDocument, params: DocumentFormattingParams): Promise<TextEdit[]> {
    const edits = await super.formatDocument(document, params);
    const formatted = TextDocument.applyEdits(document.textDocument, edits);
    const tidied = tidyWhitespace(formatted);
    if (tidied === formatted) return edits;
    // One edit for the whole text: editors diff it down to the lines that changed.
    const text = document.textDocument.getText();
    return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: tidied }];
  }

  protected format(node: AstNode): void {
    const cst = node.$cstNode;
    if (!cst) return;
    const f = this.getNodeFormatter(node);
    if (node.$type === 'TopoFile') {
      const elements = AstUtils.streamContents(node).toArray();
      elements.slice(1).forEach((el) => f.node(el).prepend(Formatting.newLines(1, { allowMore: true })));
      if (elements[0]) f.node(elements[0]).prepend(Formatting.noSpace());
      return;
    }
    // The node's own level of the syntax tree: its keywords, names, and its child nodes whole.
    const items = ownLevel(node).filter((n) => !n.hidden);
    const keywords = PROPERTY_KEYWORDS[node.$type];
    const open = items.find((l) => l.text === '{');
    const close = [...items].reverse().find((l) => l.text === '}');
    const inBlock = (n: CstNode) => open !== undefined && close !== undefined && n.offset > open.offset && n.offset < close.offset;
    // Inside a block, each property keyword and each child node (instances, work, calls,
    // parallel groups, loads, chaos) starts an indented line; indent() does both.
    const lineStarts = new Set(items.filter((n) => inBlock(n) && ((keywords?.includes(n.text) && isKeyword(n)) || n.astNode !== node)));
    if (keywords && open && close) {
      f.interior(f.cst([open]), f.cst([close])).prepend(Formatting.indent());
      f.cst([close]).prepend(Formatting.newLine());
    }
    // The other words of a line stand a single space apart (the first word's place is the
    // parent's business);
    // list commas, dots and colons hug the word before them, and `region.zone` and `3..30` are one word.
    const tight = (n: CstNode, i: number) => TIGHT.has(n.text) || items[i - 1]?.text === '.' || items[i - 1]?.text === '..';
    const rest = items.map((n, i) => [n, tight(n, i)] as const).slice(1).filter(([n]) => !lineStarts.has(n) && n !== close);
    f.cst(rest.filter(([, t]) => !t).map(([n]) => n)).prepend(Formatting.oneSpace());
    f.cst(rest.filter(([, t]) => t).map(([n]) => n)).prepend(Formatting.noSpace());
  }
}

const TIGHT = new Set([',', '.', '..', ':']);

/**
 * No spaces at the ends of lines, at most one blank line in a row, none at the start, and
 * one line end at the end of the file, in the file's own line ends.
 */
export function tidyWhitespace(text: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/).map((line) => line.replace(/[ \t]+$/, ''));
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  while (kept.at(-1) === '') kept.pop();
  while (kept[0] === '') kept.shift();
  return kept.length === 0 ? '' : kept.join(eol) + eol;
}

/** A property keyword, not the same word used as a name (`service zone`). */
function isKeyword(leaf: CstNode): boolean {
  return GrammarAST.isKeyword(leaf.grammarSource) && !isWrittenAsName(leaf);
}
