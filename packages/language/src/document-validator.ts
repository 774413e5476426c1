// Gives Langium's built-in diagnostics the rule ids of the reference (lexer and parser
// errors are `syntax`, linking errors `unresolved-reference`), then lets the file's
// topo-ignore comments suppress theirs and the nearest topo.json set the severities.
import type { AstNode, LangiumCoreServices, LangiumDocument, ValidationAcceptor, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Cancellation } from 'langium';
import { applyRuleSettings, type TopoConfigs } from './config.js';
import { applyIgnores } from './ignores.js';
import { referenceLabel } from './names.js';
import { isIgnorableRuleId } from './rule-ids.js';
import { coded, SYNTAX, UNRESOLVED_REFERENCE } from './validation/codes.js';

const CODES: Record<string, string> = {
  [DocumentValidator.LexingError]: SYNTAX,
  [DocumentValidator.ParsingError]: SYNTAX,
  [DocumentValidator.LinkingError]: UNRESOLVED_REFERENCE,
};

export class TopoDocumentValidator extends DefaultDocumentValidator {
  constructor(
    services: LangiumCoreServices,
    private readonly configs: TopoConfigs,
  ) {
    super(services);
  }

  override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
    const diagnostics = await super.validateDocument(document, options, cancelToken);
    for (const d of diagnostics) {
      const builtIn = typeof d.data === 'object' && d.data ? CODES[(d.data as { code?: string }).code ?? ''] : undefined;
      if (builtIn) Object.assign(d, coded(builtIn));
      if (builtIn === UNRESOLVED_REFERENCE && typeof d.message === 'string') d.message = explainLinkingError(d.message);
    }
    const rules = this.configs.nearest(document.uri)?.config.rules ?? {};
    return applyRuleSettings(applyIgnores(document, withoutGuessesAtSyntaxErrors(diagnostics), this.getSource()), rules);
  }

  /** Only the file's checks: every check is registered on the file, which walks its nodes itself (validation/validator.ts, where it says why). */
  protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
    for (const check of this.validationRegistry.getChecks(root.$type, options.categories)) await check(root, acceptor, cancelToken);
  }
}

/**
 * Leaves out the analysis findings that start on a line with a syntax error: the parser
 * recovered there by guessing, and a finding about its guess misleads (`call b timeout 100`
 * lacks a unit, and is not a call without a timeout).
 */
function withoutGuessesAtSyntaxErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  const broken = new Set(diagnostics.filter((d) => d.code === SYNTAX).map((d) => d.range.start.line));
  if (broken.size === 0) return diagnostics;
  return diagnostics.filter((d) => !(isIgnorableRuleId(String(d.code)) && broken.has(d.range.start.line)));
}

function explainLinkingError(message: string): string {
  const match = /^Could not resolve reference to (\w+) named '([^']*)'/.exec(message);
  return match ? `no ${referenceLabel(match[1]!)} named '${match[2]}' is declared in this file or its imports` : message;
}
