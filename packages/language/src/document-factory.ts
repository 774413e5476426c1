// Documents parsed again after an edit: only the declarations the edit touched, when that
// can be done cleanly (incremental-parse.ts), else the whole text as Langium does.
import type { AstNode, LangiumDocument, Mutable, ParseResult, URI } from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import { DefaultLangiumDocumentFactory } from 'langium';
import { reparse } from './incremental-parse.js';
import type { TopoParserOptions } from './syntax-errors.js';

export class TopoDocumentFactory extends DefaultLangiumDocumentFactory {
  /** The parse each document being updated had, by URI: Langium's update parses through parseAsync. */
  private readonly previous = new Map<string, ParseResult>();

  override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
    const uri = document.uri.toString();
    this.previous.set(uri, document.parseResult);
    try {
      return await super.update(document, cancellationToken);
    } finally {
      this.previous.delete(uri);
    }
  }

  protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
    const previous = this.previous.get(uri.toString());
    const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser;
    const result =
      previous &&
      reparse(previous, text, (window, firstLine) => {
        const options: TopoParserOptions = { firstLine };
        return parser.parse(window, options);
      });
    return result ? Promise.resolve(result as ParseResult<T>) : super.parseAsync(uri, text, cancellationToken);
  }
}
