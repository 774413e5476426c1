// Parsing again only the declarations an edit touched. Langium parses a whole file after
// every keystroke, which is most of the time re-validation takes on a large file (80 of 150
// ms at 1,000 services). A file is a flat list of declarations, each starting with its own
// keyword (`TopoFile: elements+=Element*`, LL(1) at that level), so the declarations from
// the one before the edit to the one after it can be parsed alone and spliced into the
// previous tree: the syntax nodes after them move by the length of the edit, and the
// declarations outside keep their objects. When anything is not clean (an error now or
// before, an edit before the first declaration, a token that could run across the cut)
// the caller parses the whole file as usual.
import type { AstNode, CompositeCstNode, CstNode, ParseResult } from 'langium';
import { isCompositeCstNode, isRootCstNode } from 'langium';
import type { TopoFile } from './generated/ast.js';

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

/** Where the two texts differ: from `start` to `oldEnd` in the old text, to `newEnd` in the new one. */
export function changedSpan(oldText: string, newText: string): { start: number; oldEnd: number; newEnd: number } {
  const shorter = Math.min(oldText.length, newText.length);
  // Whole chunks first: comparing two slices is a memory compare, far quicker than a loop.
  let start = 0;
  while (start + CHUNK <= shorter && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const [oldLength, newLength] = [oldText.length, newText.length];
  let tail = 0;
  while (tail + CHUNK <= shorter - start && oldText.slice(oldLength - tail - CHUNK, oldLength - tail) === newText.slice(newLength - tail - CHUNK, newLength - tail)) tail += CHUNK;
  while (tail < shorter - start && oldText.charCodeAt(oldLength - 1 - tail) === newText.charCodeAt(newLength - 1 - tail)) tail++;
  return { start, oldEnd: oldLength - tail, newEnd: newLength - tail };
}
const CHUNK = 1024;

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
 * The parse of `text` made by parsing again, with `parse`, only the declarations of
 * `previous` that the change from its text touches, or undefined when that cannot be done
 * cleanly. `previous` is updated in place: the result holds the same root.
 */
export function reparse(previous: ParseResult, text: string, parse: (text: string) => ParseResult): ParseResult | undefined {
  const root = previous.value as TopoFile;
  const cst = root.$cstNode;
  if (!clean(previous) || !cst || !isRootCstNode(cst)) return undefined;
  const oldText = cst.fullText;
  const { start, oldEnd } = changedSpan(oldText, text);
  // From the last declaration that starts before the change to the first that ends after it.
  const { elements } = root;
  const first = firstWhere(elements.length, (i) => elements[i]!.$cstNode!.offset >= start) - 1;
  if (first < 0) return undefined;
  const last = firstWhere(elements.length, (i) => elements[i]!.$cstNode!.end > oldEnd);
  const toEnd = last === elements.length;
  const from = elements[first]!.$cstNode!.offset;
  const to = toEnd ? oldText.length : elements[last]!.$cstNode!.end;
  if (!isCut(oldText, from - 1) || !isCut(oldText, to)) return undefined;
  const delta = text.length - oldText.length;

  const window = parse(text.slice(from, to + delta));
  const parsed = window.value as TopoFile;
  const parsedCst = parsed.$cstNode;
  if (!clean(window) || !parsedCst || !isRootCstNode(parsedCst)) return undefined;
  const parsedLast = parsed.elements.at(-1)?.$cstNode;
  // The window must end where the declaration it ended with ends (not inside a comment).
  if (!toEnd && parsedLast?.end !== to + delta - from) return undefined;

  // The root's children in the window, by the old offsets.
  const children = cst.content;
  const firstChild = firstWhere(children.length, (i) => children[i]!.offset >= from);
  const afterChild = toEnd ? children.length : firstWhere(children.length, (i) => children[i]!.offset >= to);
  const after = children.slice(afterChild);
  const oldWindowEnd = toEnd ? undefined : elements[last]!.$cstNode!.range.end;

  const { start: at } = elements[first]!.$cstNode!.range;
  move(parsedCst.content, from, at.line, 0, at.character);
  if (oldWindowEnd) {
    const { line, character } = parsedLast!.range.end;
    const [lines, columns] = [line - oldWindowEnd.line, character - oldWindowEnd.character];
    // What follows moves only if the window's end did.
    if (delta !== 0 || lines !== 0 || columns !== 0) move(after, delta, lines, oldWindowEnd.line, columns);
  }
  for (const child of parsedCst.content) (child as Movable).container = cst;
  (cst as unknown as Children).content.splice(firstChild, afterChild - firstChild, ...parsedCst.content);
  (cst as unknown as RootText)._text = text;
  (cst as unknown as CompositeCaches)._rangeCache = undefined;

  const removed = (toEnd ? elements.length : last + 1) - first;
  elements.splice(first, removed, ...parsed.elements);
  // The new declarations join the root; those after them move in the list if the count changed.
  const moved = parsed.elements.length === removed ? first + removed : elements.length;
  for (let i = first; i < moved; i++) {
    const element = elements[i] as unknown as Contained;
    element.$container = root;
    element.$containerProperty = 'elements';
    element.$containerIndex = i;
  }
  return { value: root, lexerErrors: [], parserErrors: [], lexerReport: window.lexerReport };
}
