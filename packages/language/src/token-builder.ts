// Langium's token builder, but each terminal's partial regular expression (which keywords it
// could also match, their LONGER_ALT) is built once rather than once per keyword: with the
// language's hundreds of keywords, that was a good part of building the lexer at each start.
import type { TokenType } from 'chevrotain';
import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';

export class TopoTokenBuilder extends DefaultTokenBuilder {
  private readonly partials = new Map<TokenType, RegExp | undefined>();

  /** The terminals that match a prefix of the keyword or the whole of it, as RegExpUtils.partialMatches decides. */
  protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
    return terminalTokens.filter((token) => {
      const partial = this.partialOf(token);
      return (partial?.exec(keyword.value)?.[0].length ?? 0) > 0;
    });
  }

  private partialOf(token: TokenType): RegExp | undefined {
    if (!this.partials.has(token)) {
      const source = (token.PATTERN as { source?: string } | undefined)?.source;
      this.partials.set(token, source ? RegExpUtils.partialRegExp('^' + source + '$') : undefined);
    }
    return this.partials.get(token);
  }
}
