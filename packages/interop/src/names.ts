// Topo names for names from elsewhere (spigo services, Kubernetes objects, trace service names),
// which are any text; Topo names are letters, digits, `_` and `-`, not starting with a digit,
// and not one of the words that open a declaration or a property. Names that fit are kept as
// they are; the others get the nearest name that fits, unique in its namespace.

/** Keywords of the language that cannot be names (the grammar's `Name` rule accepts the others). */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'architecture', 'cache', 'call', 'chaos', 'datastore', 'entity', 'facet', 'import', 'instances', 'network', 'of', 'on',
  'parallel', 'region', 'regions', 'replication', 'route', 'scenario', 'service', 'team', 'threads', 'work', 'zones',
]);

const NAME = /^[_a-zA-Z][\w-]*$/;

export function isTopoName(name: string): boolean {
  return NAME.test(name) && !RESERVED_WORDS.has(name);
}

/**
 * Topo names for outside names within one namespace: names that fit are kept, and the others
 * get the nearest name that fits (`hint`, e.g. the spigo package or a Kubernetes kind,
 * prefixes or suffixes it where needed), numbered when taken. Names that fit are placed
 * first, so they never move.
 */
export function topoNames(entries: readonly { name: string; hint: string }[]): Map<string, string> {
  const taken = new Set(entries.filter((e) => isTopoName(e.name)).map((e) => e.name));
  const given = new Map<string, string>();
  for (const { name, hint } of entries) {
    if (isTopoName(name)) {
      given.set(name, name);
      continue;
    }
    let base = name.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '');
    if (!NAME.test(base)) base = base === '' ? hint : `${hint}-${base}`;
    if (RESERVED_WORDS.has(base)) base = `${base}-${hint}`;
    let topo = base;
    for (let n = 2; taken.has(topo); n++) topo = `${base}-${n}`;
    taken.add(topo);
    given.set(name, topo);
  }
  return given;
}
