// Small queries over a model that several engines need.
import type { Call, Component, Model } from './model.js';

export function components(model: Model): Component[] {
  return [...model.services, ...model.datastores, ...model.caches];
}

export function componentIndex(model: Model): Map<string, Component> {
  return new Map(components(model).map((c) => [c.name, c]));
}

export function allCalls(model: Model): Call[] {
  return model.services.flatMap((s) => s.calls);
}

/** Total instances of a component over all its regions (0 for managed datastores). */
export function totalInstances(c: Component): number {
  return c.placement.reduce((n, p) => n + p.count, 0);
}
