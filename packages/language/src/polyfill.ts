// Langium 4.4's parser library (chevrotain 13) calls Object.groupBy, which arrived in
// Node 21. The CLI, the language server, their bundles and vitest load this module first,
// so the same code runs on Node 20 (and on VS Code 1.96's Node 20 extension host).
declare global {
  interface ObjectConstructor {
    groupBy<K extends PropertyKey, T>(items: Iterable<T>, key: (item: T, index: number) => K): Partial<Record<K, T[]>>;
  }
}

if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value: function groupBy<K extends PropertyKey, T>(items: Iterable<T>, key: (item: T, index: number) => K) {
      const out = Object.create(null) as Partial<Record<K, T[]>>;
      let i = 0;
      for (const item of items) (out[key(item, i++)] ??= []).push(item);
      return out;
    },
  });
}

export {};
