// `--to backstage`: catalog-info.yaml entities for Backstage's software catalog: a System for
// the architecture, a Component per service, a Resource per datastore and cache, a Group per
// team (owning what it owns), an API per facet (provided and consumed), and `dependsOn` for
// the calls.
import { stringify } from 'yaml';
import { components, type Component, type Model } from '@topo/model';
import { kindText } from './labels.js';

const API_VERSION = 'backstage.io/v1alpha1';

export function backstageEntities(model: Model): string {
  const system = entityName(model.name);
  // Everything has an owner in Backstage: the architecture's own group owns the System and
  // whatever no team owns.
  const fallbackOwner = `${system}-owners`;
  const owner = (c: Component) => `group:${c.team ? entityName(c.team) : fallbackOwner}`;
  const ref = (c: Component) => `${c.kind === 'service' ? 'component' : 'resource'}:${entityName(c.name)}`;
  const byName = new Map(components(model).map((c) => [c.name, c]));
  const facetOwner = new Map(model.services.flatMap((s) => s.provides.map((f) => [f, s] as const)));

  const entities: object[] = [
    entity('System', model.name, model.description, { owner: `group:${fallbackOwner}` }),
    entity('Group', fallbackOwner, `owns ${model.name} and what it assigns to no team`, { type: 'team', children: [] }),
    ...model.teams.map((t) => entity('Group', t.name, undefined, { type: 'team', children: [] })),
    ...model.facets.map((f) => {
      const provider = facetOwner.get(f.name);
      return entity('API', f.name, `facet ${f.name} of ${f.entity}`, {
        type: 'topo-facet',
        lifecycle: 'production',
        owner: provider ? owner(provider) : `group:${fallbackOwner}`,
        system,
        definition: `facet ${f.name} of ${f.entity}`,
      });
    }),
    ...components(model).map((c) => {
      const dependsOn = c.kind === 'service' ? [...new Set(c.calls.map((call) => ref(byName.get(call.target)!)))] : [];
      const spec: Record<string, unknown> = {
        type: c.kind === 'service' ? 'service' : c.kind === 'datastore' ? 'database' : 'cache',
        ...(c.kind === 'service' ? { lifecycle: 'production' } : {}),
        owner: owner(c),
        system,
        ...(dependsOn.length > 0 ? { dependsOn } : {}),
      };
      if (c.kind === 'service') {
        const consumed = c.uses.filter((u) => !u.entity).map((u) => `api:${entityName(u.name)}`);
        if (c.provides.length > 0) spec.providesApis = c.provides.map((f) => `api:${entityName(f)}`);
        if (consumed.length > 0) spec.consumesApis = consumed;
      }
      return entity(c.kind === 'service' ? 'Component' : 'Resource', c.name, kindText(c), spec);
    }),
  ];
  return entities.map((e) => stringify(e, { lineWidth: 0 })).join('---\n');
}

function entity(kind: string, name: string, description: string | undefined, spec: Record<string, unknown>): object {
  return { apiVersion: API_VERSION, kind, metadata: { name: entityName(name), ...(description ? { description } : {}) }, spec };
}

/** Backstage names: letters, digits and `-_.`, starting and ending with a letter or digit, at most 63. */
function entityName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63) || 'unnamed';
}
