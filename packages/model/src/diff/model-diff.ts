// The difference between two versions of an architecture: the services, datastores and
// caches, and the calls, that were added, removed or changed, with what changed. Components
// are known by kind and name (a name that changes kind is one removed and one added); calls
// by `callIdentities`.
import type { Call, Component, ComponentKind, Model } from '../model.js';
import { allCalls, components } from '../lookup.js';
import { callIdentities, type CallIdentity } from './call-identity.js';
import { propertyChanges, zoneChange, type PropertyChange } from './properties.js';

export interface ComponentRef {
  name: string;
  kind: ComponentKind;
}

export interface Changes<Ref> {
  added: Ref[];
  removed: Ref[];
  changed: (Ref & { changes: PropertyChange[] })[];
}

export interface ModelDiff {
  components: Changes<ComponentRef>;
  calls: Changes<CallIdentity>;
}

export function diffModels(before: Model, after: Model): ModelDiff {
  return {
    components: compare(keyedComponents(before), keyedComponents(after), (old, c) => {
      const zones = zoneChange(old.component, c.component);
      return [...propertyChanges(old.component, c.component), ...(zones ? [zones] : [])];
    }),
    calls: compare(keyedCalls(before), keyedCalls(after), (old, c) => propertyChanges(old.call, c.call)),
  };
}

/** Elements of two versions matched by key: those only after, only before, and changed in both. */
function compare<E extends { ref: Ref }, Ref>(was: Map<string, E>, is: Map<string, E>, changesOf: (before: E, after: E) => PropertyChange[]): Changes<Ref> {
  const changed: Changes<Ref>['changed'] = [];
  for (const [key, element] of is) {
    const old = was.get(key);
    const changes = old ? changesOf(old, element) : [];
    if (changes.length > 0) changed.push({ ...element.ref, changes });
  }
  return {
    added: [...is].filter(([key]) => !was.has(key)).map(([, e]) => e.ref),
    removed: [...was].filter(([key]) => !is.has(key)).map(([, e]) => e.ref),
    changed,
  };
}

function keyedComponents(model: Model): Map<string, { component: Component; ref: ComponentRef }> {
  return new Map(components(model).map((c) => [`${c.kind} ${c.name}`, { component: c, ref: { name: c.name, kind: c.kind } }]));
}

function keyedCalls(model: Model): Map<string, { call: Call; ref: CallIdentity }> {
  const identities = callIdentities(model);
  return new Map(
    allCalls(model).map((call) => {
      const ref = identities.get(call.id)!;
      return [ref.key, { call, ref }];
    }),
  );
}
