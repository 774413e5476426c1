// Langium 4.4's parser (chevrotain 13) calls Object.groupBy, which Node 20 lacks.
// Loaded with `node --import` before `langium generate`.
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = function groupBy(items, key) {
    const out = Object.create(null);
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      (out[k] ??= []).push(item);
    }
    return out;
  };
}
