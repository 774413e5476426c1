// Rename refuses a new name the language cannot read: it would be written into every file
// that uses the old one, and none of them would parse again. A name is the grammar's `ID`
// (letters, digits, `_` and `-`, not starting with a digit), which may be a keyword only
// where the grammar lets a name be one (`Name: ID | KeywordName`: a service may be called
// `edge`, not `service`).
import { AstUtils, GrammarAST, GrammarUtils, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';

export class TopoRenameProvider extends DefaultRenameProvider {
  private readonly word: RegExp;
  private readonly keywords: Set<string>;
  private readonly keywordNames: Set<string>;

  constructor(services: LangiumServices) {
    super(services);
    const rule = (name: string) => services.Grammar.rules.find((r) => r.name === name);
    const id = rule('ID');
    if (!GrammarAST.isTerminalRule(id)) throw new Error('the grammar has no ID terminal');
    this.word = new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`);
    const keywordsIn = (node: GrammarAST.Grammar | GrammarAST.AbstractRule | undefined) =>
      new Set(node ? AstUtils.streamAllContents(node).filter(GrammarAST.isKeyword).map((k) => k.value) : []);
    this.keywords = keywordsIn(services.Grammar);
    this.keywordNames = keywordsIn(rule('KeywordName'));
  }

  override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
    const problem = this.unreadable(params.newName);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    return super.rename(document, params, cancelToken);
  }

  /** Why the language could not read `name` as a name, or undefined when it can. */
  unreadable(name: string): string | undefined {
    if (!this.word.test(name)) return `'${name}' is not a name: use letters, digits, _ and -, starting with a letter or _`;
    if (this.keywords.has(name) && !this.keywordNames.has(name)) return `'${name}' is a keyword of the language and cannot be a name`;
    return undefined;
  }
}
