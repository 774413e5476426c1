// Parsing again only the declarations an edit touched. Langium parses a whole file after
// every keystroke, which is most of the time re-validation takes on a large file (80 of 150
// ms at 1,000 services). A file is a flat list of declarations, each starting with its own
// keyword (`TopoFile: elements+=Element*`, LL(1) at that level), so the declarations from
// the one before the edit to the one after it can be parsed alone and spliced into the
// previous tree: the syntax nodes after them move by the length of the edit, and the
// declarations outside keep their objects. When the edit leaves an error, or the previous
// parse had one, the declarations from the edit's on are parsed again to the end of the
// file, errors and all, as a whole parse would parse them; the caller parses the whole file
// only when the edit is before the first declaration (or the first that may hold an error),
// or a token could run across the cut.
import type { AstNode, CompositeCstNode, CstNode, ParseResult, RootCstNode } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { isCompositeCstNode, isRootCstNode } from 'langium';
import { changedSpan } from '@topo/model';
import type { TopoFile } from './generated/ast.js';

/** Chevrotain's token and lexing error, as Langium's parse results hold them. */
type IToken = ParseResult['parserErrors'][number]['token'];
type ILexingError = ParseResult['lexerErrors'][number];

/** The fields of Langium's syntax nodes (cst-node-builder.js) this module moves: they are private there. */
interface LeafPosition {
  _offset: number;
  _startLine: number;
  _startColumn: number;
  _endLine: number;
  _endColumn: number;
}
interface CompositeCaches {
  _rangeCache: unknown;
}
interface RootText {
  _text: string;
}
interface Movable {
  container?: CompositeCstNode;
}
interface Children {
  content: CstNode[];
}
interface Contained {
  $container: AstNode;
  $containerProperty: string;
  $containerIndex: number;
}


/** Whether an offset is a place in the text: a token the recovery inserted, or the end of the file, has NaN or -1. */
const placed = (offset: number): boolean => !Number.isNaN(offset) && offset >= 0;

/**
 * Where a parse's first syntax error is, lexer's or parser's; past the text when none has a
 * place. The declarations that start before it are where a parse from the start puts them;
 * the one starting at it may not be (a block left open is reported at the next keyword).
 */
export function firstErrorOffset(result: ParseResult): number {
  const offsets = [...result.lexerErrors.map((e) => e.offset), ...result.parserErrors.map((e) => e.token.startOffset)];
  return Math.min(Number.POSITIVE_INFINITY, ...offsets.filter(placed));
}

const clean = (result: ParseResult): boolean => result.lexerErrors.length === 0 && result.parserErrors.length === 0 && (result.lexerReport?.diagnostics.length ?? 0) === 0;

// Whitespace is skipped by the lexer and ends every token but comments and strings, which
// a clean parse of the window closes inside it: a cut next to whitespace (or at an end of the
// text) falls between the same tokens in a whole parse.
const isCut = (text: string, at: number): boolean => at < 0 || at >= text.length || /\s/.test(text[at]!);

/** The first index in [0, length) where `past` holds (it holds from there on), or `length`. */
function firstWhere(length: number, past: (i: number) => boolean): number {
  let [low, high] = [0, length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (past(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Moves syntax nodes: offsets by `offset`, lines by `lines`, and on line `onLine` (before the
 * move) columns by `columns`. Composite nodes forget the range they cached.
 */
function move(nodes: readonly CstNode[], offset: number, lines: number, onLine: number, columns: number): void {
  const stack = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isCompositeCstNode(node)) {
      (node as unknown as CompositeCaches)._rangeCache = undefined;
      for (const child of node.content) stack.push(child);
    } else {
      const leaf = node as unknown as LeafPosition;
      leaf._offset += offset;
      if (leaf._startLine === onLine) leaf._startColumn += columns;
      if (leaf._endLine === onLine) leaf._endColumn += columns;
      leaf._startLine += lines;
      leaf._endLine += lines;
    }
  }
}

/**
 * The parse of `text` made by parsing again, with `parse` (given a part of a text and the
 * line it starts on), only the declarations of `previous` that the change from its text
 * touches, or undefined when that cannot be done exactly. `previous` is updated in place:
 * the result holds the same root.
 *
 * The declarations before the edit are kept when the previous parse was clean up to them.
 * Those after it are kept too when both parses are clean; otherwise everything from the
 * edit's declaration on is parsed again, as a parse from the start would parse it (the
 * parser is in the same state at the start of each declaration, and recovers from an error
 * going forward only): so typing a half-written line at the end of a file does not parse
 * the whole file at each key.
 */
export function reparse(previous: ParseResult, text: string, parse: (text: string, firstLine: number) => ParseResult): ParseResult | undefined {
  const root = previous.value as TopoFile;
  const cst = root.$cstNode;
  if (!cst || !isRootCstNode(cst) || previous.lexerErrors.length > 0 || (previous.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
  const { elements } = root;
  if (elements.some((e) => e.$cstNode === undefined)) return undefined;
  const oldText = cst.fullText;
  const { start, oldEnd } = changedSpan(oldText, text);
  // From the last declaration that starts before the change and before the previous parse's
  // first error: up to it, that parse is what a parse from the start gives.
  const first = firstWhere(elements.length, (i) => elements[i]!.$cstNode!.offset >= Math.min(start, firstErrorOffset(previous))) - 1;
  if (first < 0) return undefined;
  const from = elements[first]!.$cstNode!.offset;
  if (!isCut(oldText, from - 1)) return undefined;
  const delta = text.length - oldText.length;

  // To the first declaration that ends after the change, when that parses cleanly.
  const last = firstWhere(elements.length, (i) => elements[i]!.$cstNode!.end > oldEnd);
  if (previous.parserErrors.length === 0 && last < elements.length) {
    const to = elements[last]!.$cstNode!.end;
    if (isCut(oldText, to)) {
      const window = parse(text.slice(from, to + delta), elements[first]!.$cstNode!.range.start.line);
      // The window must end where the declaration it ended with ends (not inside a comment).
      if (clean(window) && (window.value as TopoFile).elements.at(-1)?.$cstNode?.end === to + delta - from) return splice(previous, window, first, last + 1, to);
    }
  }
  // From the first declaration to the end is the whole parse Langium makes anyway.
  if (first === 0) return undefined;
  const rest = parse(text.slice(from), elements[first]!.$cstNode!.range.start.line);
  return isRootCstNode(rest.value.$cstNode) ? splice(previous, rest, first, elements.length, oldText.length) : undefined;
}

/**
 * `previous` (its root updated in place) with its declarations from `first` to before `end`
 * replaced by those of `window`, a parse of the new text from where `first` started to where
 * the old text's offset `to` is now: the end of declaration `end - 1`, or of the text.
 */
function splice(previous: ParseResult, window: ParseResult, first: number, end: number, to: number): ParseResult {
  const root = previous.value as TopoFile;
  const cst = root.$cstNode as RootCstNode;
  const { elements } = root;
  const toEnd = to === cst.fullText.length;
  const from = elements[first]!.$cstNode!.offset;
  const parsed = window.value as TopoFile;
  const parsedCst = parsed.$cstNode as RootCstNode;
  const text = cst.fullText.slice(0, from) + parsedCst.fullText + cst.fullText.slice(to);
  const delta = text.length - cst.fullText.length;

  // The root's children in the window, by the old offsets.
  const children = cst.content;
  const firstChild = firstWhere(children.length, (i) => children[i]!.offset >= from);
  const afterChild = toEnd ? children.length : firstWhere(children.length, (i) => children[i]!.offset >= to);
  const after = children.slice(afterChild);

  const { start: at } = elements[first]!.$cstNode!.range;
  if (!toEnd) {
    const oldWindowEnd = elements[end - 1]!.$cstNode!.range.end;
    const parsedEnd = parsed.elements.at(-1)!.$cstNode!.range.end;
    // Where the window's end is now, in the whole text: its first line starts at `at`.
    const [line, character] = [parsedEnd.line + at.line, parsedEnd.line === 0 ? parsedEnd.character + at.character : parsedEnd.character];
    const [lines, columns] = [line - oldWindowEnd.line, character - oldWindowEnd.character];
    // What follows moves only if the window's end did.
    if (delta !== 0 || lines !== 0 || columns !== 0) move(after, delta, lines, oldWindowEnd.line, columns);
  }
  move(parsedCst.content, from, at.line, 0, at.character);
  for (const child of parsedCst.content) (child as Movable).container = cst;
  (cst as unknown as Children).content.splice(firstChild, afterChild - firstChild, ...parsedCst.content);
  (cst as unknown as RootText)._text = text;
  (cst as unknown as CompositeCaches)._rangeCache = undefined;

  const removed = end - first;
  elements.splice(first, removed, ...parsed.elements);
  // The new declarations join the root; those after them move in the list if the count changed.
  const moved = parsed.elements.length === removed ? first + removed : elements.length;
  for (let i = first; i < moved; i++) {
    const element = elements[i] as unknown as Contained;
    element.$container = root;
    element.$containerProperty = 'elements';
    element.$containerIndex = i;
  }
  return { value: root, ...errorsMoved(window, from, at) };
}

/** The errors of a parse of the text from `offset`, which starts at `at`, placed in the whole text. */
function errorsMoved(window: ParseResult, offset: number, at: Position): Pick<ParseResult, 'lexerErrors' | 'parserErrors' | 'lexerReport'> {
  // Chevrotain's lines and columns count from 1; a token can be in more than one error.
  const column = (line: number, c: number) => (line === 1 ? c + at.character : c);
  const tokens = new Set<IToken>();
  for (const e of window.parserErrors) for (const token of [e.token, (e as { previousToken?: IToken }).previousToken, ...(e.resyncedTokens ?? [])]) if (token) tokens.add(token);
  for (const token of tokens) {
    // A token the recovery inserted keeps having no place.
    if (!placed(token.startOffset)) continue;
    token.startOffset += offset;
    if (token.endOffset !== undefined) token.endOffset += offset;
    if (token.startLine !== undefined && token.startColumn !== undefined) [token.startColumn, token.startLine] = [column(token.startLine, token.startColumn), token.startLine + at.line];
    if (token.endLine !== undefined && token.endColumn !== undefined) [token.endColumn, token.endLine] = [column(token.endLine, token.endColumn), token.endLine + at.line];
  }
  const lexing = <E extends ILexingError>(e: E): E => ({ ...e, offset: e.offset + offset, ...(e.line !== undefined && e.column !== undefined ? { line: e.line + at.line, column: column(e.line, e.column) } : {}) });
  return {
    parserErrors: window.parserErrors,
    lexerErrors: window.lexerErrors.map(lexing),
    lexerReport: window.lexerReport && { ...window.lexerReport, diagnostics: window.lexerReport.diagnostics.map(lexing) },
  };
}
