// Syntax errors in words a user reads, for the mistakes people make. Two layers:
// - TopoParserErrorMessages words every parser error from its tokens alone: a number where
//   a duration, size or share goes ("a duration needs a unit: 2ms, 2s"), names for the
//   token types instead of DURATION or EOF.
// - TopoParser rewrites the file's first parser error with its context: a word close to a
//   keyword valid there ("did you mean `work`?"), or a block not closed before the next
//   declaration or the end of the file (where it opened). The first error only: everything
//   after it may be misread, and finding what is valid there parses the text before it.
import type { IToken, TokenType } from 'chevrotain';
import type { AstNode, LangiumCoreServices, ParseResult, ParserOptions } from 'langium';
import { CstUtils, createParser, DefaultLexerErrorMessageProvider, GrammarAST, GrammarUtils, LangiumParser, LangiumParserErrorMessageProvider } from 'langium';
import { findFirstFeatures, findNextFeatures, type NextFeature } from 'langium/lsp';
import type { TopoFile } from './generated/ast.js';

/** How a terminal reads in a message; any other token type is a keyword or punctuation. */
const TERMINALS: Record<string, string> = {
  DURATION: 'a duration such as 2ms or 2s',
  SIZE: 'a size such as 16GB',
  PERCENT: 'a share such as 90%',
  NUMBER: 'a number',
  STRING: 'a string in double quotes',
  ID: 'a name',
  EOF: 'the end of the file',
};

/** A bare number where a value with a unit goes: what to write instead. */
const NEEDS_UNIT: Record<string, (n: string) => string> = {
  DURATION: (n) => `a duration needs a unit: ${n}ms, ${n}s`,
  SIZE: (n) => `a size needs a unit: ${n}MB, ${n}GB, ${n}TB`,
  PERCENT: (n) => `a share needs a percent sign: ${n}%`,
};

const expected = (type: TokenType) => TERMINALS[type.name] ?? `\`${type.name}\``;
const found = (token: IToken | undefined) => (!token || token.tokenType?.name === 'EOF' ? 'the end of the file' : `\`${token.image}\``);
const notADeclaration = (token: IToken) => `expected a declaration such as \`service\` or \`datastore\`, found ${found(token)}`;

/**
 * Characters the lexer skips, in the parser's words. Chevrotain's message gives the offset,
 * which the diagnostic's place already says, and which a part of a file parsed alone
 * (incremental-parse.ts) would get wrong.
 */
export class TopoLexerErrorMessages extends DefaultLexerErrorMessageProvider {
  override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
    const skipped = fullText.slice(startOffset, startOffset + length);
    return `unexpected ${length === 1 ? 'character' : 'characters'} \`${skipped}\`, skipped`;
  }
}

export class TopoParserErrorMessages extends LangiumParserErrorMessageProvider {
  override buildMismatchTokenMessage({ expected: type, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
    const needsUnit = NEEDS_UNIT[type.name];
    if (needsUnit && actual.tokenType?.name === 'NUMBER') return needsUnit(actual.image);
    // Only the end of the file may follow a whole declaration at the top level.
    if (type.name === 'EOF') return notADeclaration(actual);
    return `expected ${expected(type)}, found ${found(actual)}`;
  }

  override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
    return notADeclaration(firstRedundant);
  }

  override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; ruleName: string }): string {
    return this.oneOf(options.expectedPathsPerAlt.flat(), options.actual[0]);
  }

  override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; ruleName: string }): string {
    return this.oneOf(options.expectedIterationPaths, options.actual[0]);
  }

  /** Where one of several tokens could start: a name (which may also be a keyword), or the list of what could. */
  private oneOf(paths: TokenType[][], actual: IToken | undefined): string {
    if (paths.some((path) => path[0]?.name === 'ID')) return `expected a name, found ${found(actual)}`;
    const firsts = [...new Set(paths.flatMap((path) => (path[0] ? [expected(path[0])] : [])))];
    const list = firsts.length > 8 ? [...firsts.slice(0, 8), '…'] : firsts;
    return `expected ${list.join(', ')}; found ${found(actual)}`;
  }
}

/** Langium's options, and the line (from 0) of its file that the input starts on when it is a part of one (incremental-parse.ts). */
export interface TopoParserOptions extends ParserOptions {
  firstLine?: number;
}

/** The parser with the first error explained in its context. */
export class TopoParser extends LangiumParser {
  private readonly topo: LangiumCoreServices;
  private declarations?: string[];

  constructor(services: LangiumCoreServices) {
    super(services);
    this.topo = services;
  }

  override parse<T extends AstNode = AstNode>(input: string, options?: TopoParserOptions): ParseResult<T> {
    const result = super.parse<T>(input, options);
    const first = result.parserErrors[0];
    // A whole file only: the context is read from the entry rule.
    if (first && !options?.rule) {
      const message = this.explain(input, first.token, result.value, options?.firstLine ?? 0);
      if (message) first.message = message;
    }
    return result;
  }

  /** A better message for an error at `token`, or undefined to keep the one given. */
  private explain(input: string, token: IToken, root: AstNode, firstLine: number): string | undefined {
    const atEnd = token.tokenType?.name === 'EOF' || Number.isNaN(token.startOffset);
    const offset = atEnd ? input.length : token.startOffset;
    const word = atEnd ? undefined : /^[A-Za-z_][\w-]*$/.exec(token.image)?.[0];
    const number = !atEnd && token.tokenType?.name === 'NUMBER';
    if (!atEnd && !word && !number) return undefined;
    // Declarations do not nest: what is valid at the error follows from the text since the
    // start of the declaration it is in, which keeps a big file's error cheap to explain.
    const start = declarationStart(root as Partial<TopoFile>, offset);
    const { keywords, terminals, tokens } = this.validAt(input.slice(start, offset));
    // A bare number where an optional value with a unit could go (`breaker 50 of 20 …`): the parser passed the value by.
    if (number) return terminals.map((t) => NEEDS_UNIT[t]).find((needsUnit) => needsUnit !== undefined)?.(token.image);
    if (word && keywords.includes(word)) return undefined;
    const suggestion = word && closest(word, keywords);
    if (suggestion) return `\`${word}\` is not valid here: did you mean \`${suggestion}\`?`;
    if (!keywords.includes('}')) return undefined;
    // A block still open where its `}` is expected, at the end of the file or where the
    // next declaration starts: say which block and where it opened.
    const open = unclosedBrace(tokens);
    if (open && (atEnd || this.declarationKeywords().includes(word!))) {
      return `${describeBlock(root, start + open.startOffset)} opened on line ${firstLine + lineOf(input, start + open.startOffset)} is not closed: a \`}\` is missing`;
    }
    // A word the block does not know: what it does know, rather than "expected `}`".
    const known = keywords.filter((k) => /^\w/.test(k));
    return word && known.length > 0 ? `\`${word}\` is not valid here: expected ${known.map((k) => `\`${k}\``).join(', ')} or \`}\`` : undefined;
  }

  /** The keywords and terminals that may come after `text` (what completion would offer there), and its tokens. */
  private validAt(text: string): { keywords: string[]; terminals: string[]; tokens: IToken[] } {
    const parsed = this.topo.parser.CompletionParser.parse(text);
    // The text before the first error parses; when it holds no token, a declaration comes next.
    if (parsed.tokenIndex === 0) return { keywords: this.declarationKeywords(), terminals: [], tokens: parsed.tokens };
    const next = findNextFeatures([parsed.elementStack.map((feature) => ({ feature }))], parsed.tokens.slice(parsed.tokenIndex));
    return { keywords: keywordsOf(next), terminals: terminalsOf(next), tokens: parsed.tokens };
  }

  /** The keywords that start a declaration: those valid at the start of a file. */
  private declarationKeywords(): string[] {
    this.declarations ??= keywordsOf(findFirstFeatures(GrammarUtils.getEntryRule(this.topo.Grammar)!.definition).map((stack) => stack.at(-1)!));
    return this.declarations;
  }
}

const keywordsOf = (features: NextFeature[]) => [...new Set(features.map((n) => n.feature).filter(GrammarAST.isKeyword).map((k) => k.value))];
const terminalsOf = (features: NextFeature[]) => [
  ...new Set(
    features
      .map((n) => n.feature)
      .filter(GrammarAST.isRuleCall)
      .flatMap((call) => (GrammarAST.isTerminalRule(call.rule.ref) ? [call.rule.ref.name] : [])),
  ),
];

/** The parser of the language, built like Langium's but with TopoParser. */
export function createTopoParser(services: LangiumCoreServices): LangiumParser {
  const parser = createParser(services.Grammar, new TopoParser(services), services.parser.Lexer.definition);
  parser.finalize();
  return parser;
}

/** The keyword nearest to a word, if it is near enough to be a slip: one edit for short words, two for longer. */
export function closest(word: string, keywords: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: { keyword: string; distance: number } | undefined;
  for (const keyword of keywords) {
    if (!/^\w/.test(keyword)) continue;
    const distance = editDistance(word.toLowerCase(), keyword.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { keyword, distance };
  }
  return best?.keyword;
}

/** Edit distance with adjacent transpositions (optimal string alignment): `wrok` → `work` is 1. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Where the last declaration that starts before `offset` starts (0 if none does). */
function declarationStart(root: Partial<TopoFile>, offset: number): number {
  const elements = root.elements ?? [];
  for (let i = elements.length - 1; i >= 0; i--) {
    const at = elements[i]!.$cstNode?.offset;
    if (at !== undefined && at < offset) return at;
  }
  return 0;
}

/** The innermost `{` the tokens leave open. */
function unclosedBrace(tokens: IToken[]): IToken | undefined {
  const open: IToken[] = [];
  for (const t of tokens) {
    if (t.image === '{') open.push(t);
    else if (t.image === '}') open.pop();
  }
  return open.at(-1);
}

/** "the block of service a", "the parallel block": the declaration a `{` belongs to. */
function describeBlock(root: AstNode, braceOffset: number): string {
  const node = root.$cstNode && CstUtils.findLeafNodeAtOffset(root.$cstNode, braceOffset)?.astNode;
  if (!node || node === root) return 'a block';
  const kind = node.$type.toLowerCase();
  const name = (node as { name?: unknown }).name;
  return typeof name === 'string' ? `the block of ${kind} ${name}` : `the ${kind} block`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
