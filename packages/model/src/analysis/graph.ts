// The call graph: every service, datastore and cache is a node, every call an edge.
// Strongly connected components by Tarjan's algorithm (iterative, so a chain of ten
// thousand services does not overflow the stack). Tarjan emits a component only after
// every component it reaches, which is a reverse topological order of the condensation.

export interface Sccs {
  /** The component index of each node. */
  of: Int32Array;
  /** Components (lists of nodes) in reverse topological order: callees before callers. */
  list: number[][];
}

export function stronglyConnectedComponents(successors: readonly (readonly number[])[]): Sccs {
  const n = successors.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const nextEdge = new Int32Array(n);
  const of = new Int32Array(n);
  const stack: number[] = [];
  const list: number[][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const path = [root];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (path.length > 0) {
      const v = path[path.length - 1]!;
      const edges = successors[v]!;
      if (nextEdge[v]! < edges.length) {
        const w = edges[nextEdge[v]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          path.push(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      path.pop();
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          of[w] = list.length;
          component.push(w);
        } while (w !== v);
        list.push(component);
      }
      if (path.length > 0) {
        const parent = path[path.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
    }
  }
  return { of, list };
}
