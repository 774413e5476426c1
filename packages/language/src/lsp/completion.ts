// Completion: references are already filtered by kind by the scope (a call's target offers
// services, datastores and caches); `uses` offers facets before whole entities, since using
// a whole entity is a smell; the resilience and capacity keywords come with what they do;
// after `instances N of`, the built-in instance types (a type is a name to the grammar, which
// would offer the keywords a name may be).
import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
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
