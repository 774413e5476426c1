// Completion: references are already filtered by kind by the scope (a call's target offers
// services, datastores and caches); `uses` offers facets before whole entities, since using
// a whole entity is a smell; the resilience and capacity keywords come with what they do;
// after `instances N of`, the built-in instance types (a type is a name to the grammar, which
// would offer the keywords a name may be). What may come next is worked out from the start
// of the declaration the cursor is in, not of the file.
import { AstUtils, GrammarAST, isRootCstNode, TextDocument, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import type { TopoFile } from '../generated/ast.js';
import { firstErrorOffset } from '../incremental-parse.js';
import { DEFAULT_AUTOSCALE_EVERY_MS, DEFAULT_AUTOSCALE_WARMUP_MS, DEFAULT_BREAKER, formatBreaker, formatDuration, INSTANCE_TYPES, RETRY_BUDGET_MIN_RETRIES } from '@topo/model';

/** The grammar's rules a name is made of: a feature in one of them is part of a name. */
const NAME_RULES = new Set(['Name', 'KeywordName', 'InstanceTypeName']);

/** The resilience keywords say what they do, with the defaults in force. */
const KEYWORD_DETAIL: Record<string, string> = {
  breaker: `circuit breaker per caller instance; alone: ${formatBreaker(DEFAULT_BREAKER)} (Hystrix's defaults)`,
  budget: `retry budget P: retries in flight stay below max(${RETRY_BUDGET_MIN_RETRIES}, P × attempts in flight) (Envoy's)`,
  bulkhead: 'bulkhead N: at most N attempts in flight per caller instance; one more is rejected',
  fallback: 'when the call finally fails, go on; the request counts as degraded',
  queue: 'queue N: at most N requests wait per instance beyond its threads; more are rejected at once',
  lock: "lock P: P of each request's work runs under one lock per instance (contention)",
  autoscale: `autoscale MIN..MAX at U: each period the count per region becomes ceil(count × utilisation / U); alone: every ${formatDuration(DEFAULT_AUTOSCALE_EVERY_MS)} warmup ${formatDuration(DEFAULT_AUTOSCALE_WARMUP_MS)}`,
  users: 'users N think T into S: a closed workload; each user sends, waits for the answer, thinks (exponential), again',
  from: 'from T: the line starts T into the scenario',
};

export class TopoCompletionProvider extends DefaultCompletionProvider {
  /** The completions that have had the instance types: a name's features each ask. */
  private readonly typesOffered = new WeakSet<CompletionContext>();
  /** Where the declarations of the text being completed start, as far as it parsed cleanly. */
  private declarations: { text: string; starts: number[] } | undefined;

  // Langium lexes the whole file and parses it from its start to the cursor, up to four times
  // per completion: 54 ms at the end of 1,000 services. A file is a flat list of
  // declarations, each opening with its own keyword, so the parser is in the same state at
  // the start of each, and a token starts there: lexing and parsing from the start of the
  // cursor's declaration find the same tokens and features.

  protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
    this.declarations = { text: document.textDocument.getText(), starts: declarationStarts(document) };
    yield* super.buildContexts(document, position);
  }

  protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
    const [start] = this.declarationAround(document.getText(), offset);
    if (start === 0) return super.findFeaturesAt(document, offset);
    const declaration = TextDocument.create(document.uri, document.languageId, document.version, document.getText().slice(start, offset));
    return super.findFeaturesAt(declaration, offset - start);
  }

  protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
    const [start, end] = this.declarationAround(text, offset);
    if (start === 0 && end === text.length) return super.backtrackToAnyToken(text, offset);
    const found = super.backtrackToAnyToken(text.slice(start, end), offset - start);
    const moved = (at: number | undefined) => (at === undefined ? undefined : at + start);
    return {
      nextTokenStart: found.nextTokenStart + start,
      nextTokenEnd: found.nextTokenEnd + start,
      previousTokenStart: moved(found.previousTokenStart),
      previousTokenEnd: moved(found.previousTokenEnd),
    };
  }

  /** The start of the last declaration before `offset` and of the first after it, in `text` (0 and its length when unknown). */
  private declarationAround(text: string, offset: number): [number, number] {
    const starts = this.declarations?.text === text ? this.declarations.starts : [];
    const after = starts.findIndex((at) => at >= offset);
    return [after === 0 ? 0 : (starts.at(after === -1 ? -1 : after - 1) ?? 0), after === -1 ? text.length : starts[after]!];
  }

  protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
    const inName = NAME_RULES.has(AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name ?? '');
    if (!inName || context.node?.$type !== 'Instances') return super.completionFor(context, next, acceptor);
    if (this.typesOffered.has(context)) return;
    this.typesOffered.add(context);
    for (const t of INSTANCE_TYPES) {
      acceptor(context, { label: t.name, kind: CompletionItemKind.Value, detail: `${t.provider}: ${t.vcpus} vCPUs, ${t.memoryGiB} GiB`, sortText: `${t.provider}${t.name}` });
    }
  }

  protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
    const detail = KEYWORD_DETAIL[keyword.value];
    if (detail === undefined) return super.completionForKeyword(context, keyword, acceptor);
    acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail, sortText: '1' });
  }

  protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
    const item = super.createReferenceCompletionItem(description, refInfo, context);
    const facetsFirst = refInfo.property === 'uses' ? (description.type === 'Facet' ? '0' : '1') : '0';
    return {
      ...item,
      detail: description.type.toLowerCase(),
      sortText: `${facetsFirst}${description.name}`,
    };
  }
}

/**
 * Where the declarations of a document start, by its parse if that is of its present text,
 * those before its first syntax error (firstErrorOffset): from there on, declarations are
 * perhaps not where a parse from the start would put them.
 */
function declarationStarts(document: LangiumDocument): number[] {
  const { value } = document.parseResult;
  const root = value.$cstNode;
  if (!root || !isRootCstNode(root) || root.fullText !== document.textDocument.getText()) return [];
  const firstError = firstErrorOffset(document.parseResult);
  const starts: number[] = [];
  for (const element of (value as TopoFile).elements) {
    const at = element.$cstNode?.offset;
    if (at === undefined || at >= firstError) break;
    starts.push(at);
  }
  return starts;
}
