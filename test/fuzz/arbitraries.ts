// fast-check arbitraries for Topo files: well-formed architectures with random shapes
// (cycles, zero and huge durations, parallel groups, routes), and mutations of any text
// (truncated anywhere, random tokens inserted).
import fc from 'fast-check';

const UNITS = ['ns', 'us', 'ms', 's', 'm'] as const;
const duration = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(...UNITS)).map(([n, u]) => `${n}${u}`),
  fc.constantFrom('0ms', '0s', '999999999s', '0.0001ns'),
);
const share = fc.integer({ min: 0, max: 150 }).map((n) => `${n}%`);
const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(0, 1, 5000));

function callLine(targets: string[]) {
  return fc
    .record({
      target: fc.constantFrom(...targets),
      timeout: fc.option(duration, { nil: undefined }),
      retries: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      share: fc.option(share, { nil: undefined }),
      retry: fc.option(fc.constantFrom('same', 'different'), { nil: undefined }),
      backoff: fc.option(duration, { nil: undefined }),
      budget: fc.option(share, { nil: undefined }),
      breaker: fc.option(fc.oneof(fc.constant(''), fc.tuple(share, count, duration, duration).map(([p, n, w, t]) => ` ${p} of ${n} over ${w} open ${t}`)), { nil: undefined }),
      bulkhead: fc.option(count, { nil: undefined }),
      fallback: fc.boolean(),
    })
    .map((c) =>
      [
        `call ${c.target}`,
        c.share && `share ${c.share}`,
        c.timeout && `timeout ${c.timeout}`,
        c.retries !== undefined && `retries ${c.retries}`,
        c.backoff && `backoff ${c.backoff}`,
        c.retry && `retry ${c.retry}`,
        c.budget && `retry budget ${c.budget}`,
        c.breaker !== undefined && `breaker${c.breaker}`,
        c.bulkhead !== undefined && `bulkhead ${c.bulkhead}`,
        c.fallback && 'fallback',
      ]
        .filter(Boolean)
        .join(' '),
    );
}

/** A whole architecture: services calling each other (cycles allowed), datastores, a short scenario. */
export const architecture = fc.integer({ min: 1, max: 12 }).chain((n) => {
  const names = Array.from({ length: n }, (_, i) => `s${i}`);
  const targets = [...names, 'db', 'kv'];
  const service = (name: string) =>
    fc
      .record({
        layer: fc.option(fc.constantFrom('edge', 'esl', 'sal'), { nil: undefined }),
        work: fc.option(duration, { nil: undefined }),
        instances: fc.option(count, { nil: undefined }),
        deadline: fc.option(duration, { nil: undefined }),
        queue: fc.option(count, { nil: undefined }),
        propagate: fc.boolean(),
        calls: fc.array(callLine(targets), { maxLength: 4 }),
        parallel: fc.array(callLine(targets), { maxLength: 3 }),
        routes: fc.array(fc.tuple(share, fc.constantFrom(...names), duration), { maxLength: 3 }),
      })
      .map((s) =>
        [
          `service ${name} {`,
          s.layer && `  layer ${s.layer}`,
          s.work && `  work ${s.work}`,
          s.instances !== undefined && `  instances ${s.instances} of m5.large`,
          s.deadline && `  deadline ${s.deadline}`,
          s.queue !== undefined && `  queue ${s.queue}`,
          s.propagate && '  budget propagate',
          ...s.calls.map((c) => `  ${c}`),
          s.parallel.length > 0 && `  parallel {\n${s.parallel.map((c) => `    ${c}`).join('\n')}\n  }`,
          ...s.routes.map(([p, t, d]) => `  route ${p} ${t} timeout ${d}`),
          '}',
        ]
          .filter(Boolean)
          .join('\n'),
      );
  return fc
    .tuple(fc.tuple(...names.map(service)), fc.integer({ min: 1, max: 300 }), fc.constantFrom('1s', '2s', '500ms'), fc.boolean())
    .map(([services, rps, span, chaos]) =>
      [
        'architecture fuzz',
        'datastore db: cassandra',
        'cache kv: redis',
        ...services,
        `scenario short {\n  load ${rps} rps into s0 for ${span}\n${chaos ? '  chaos kill 1 of s0 at 200ms\n  chaos monkey every 300ms\n' : ''}}`,
      ].join('\n'),
    );
});

const TOKENS = ['{', '}', 'call', 'service', 'timeout', '%', '..', '"', '/*', '0ms', 'parallel {', 'route', '99999999999999999999', '\u0000', 'é', '\n'];

/** A text cut at a random point, or with random tokens inserted at random places. */
export function mutated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return text.chain((t) =>
    fc.oneof(
      fc.integer({ min: 0, max: t.length }).map((i) => t.slice(0, i)),
      fc.array(fc.tuple(fc.integer({ min: 0, max: t.length }), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 6 }).map((edits) => {
        let out = t;
        for (const [i, token] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, i) + token + out.slice(i);
        return out;
      }),
    ),
  );
}

/** Blocks nested deeper than anyone writes. */
export function deeplyNested(depth: number): string {
  return `service a {\n${'parallel {\n'.repeat(depth)}call a timeout 1s\n${'}\n'.repeat(depth)}}`;
}

/**
 * An architecture without errors, so the simulator runs on it: calls only go down a
 * random DAG, and each timeout covers its target's need (computed bottom-up) times a
 * random factor of at least one.
 */
export const cleanArchitecture = fc
  .array(
    fc.record({
      workMs: fc.integer({ min: 0, max: 50 }),
      instances: fc.integer({ min: 1, max: 6 }),
      calls: fc.array(fc.record({ to: fc.nat(), retries: fc.integer({ min: 0, max: 2 }), factor: fc.integer({ min: 1, max: 4 }), share: fc.integer({ min: 1, max: 100 }) }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .chain((services) =>
    fc.tuple(fc.constant(services), fc.integer({ min: 1, max: 200 }), fc.boolean()).map(([list, rps, chaos]) => {
      const need: number[] = [];
      const text: string[] = [];
      for (let i = list.length - 1; i >= 0; i--) {
        const s = list[i]!;
        const lines = [`service c${i} {`, `  work ${s.workMs}ms`, `  instances ${s.instances}`];
        let total = s.workMs;
        for (const call of s.calls) {
          if (i + 1 >= list.length) break;
          const to = i + 1 + (call.to % (list.length - i - 1));
          const timeout = Math.ceil(need[to]! * call.factor) + 1;
          lines.push(`  call c${to} share ${call.share}% timeout ${timeout}ms retries ${call.retries}`);
          total += (call.retries + 1) * timeout;
        }
        need[i] = total;
        text.unshift([...lines, '}'].join('\n'));
      }
      const scenario = `scenario short {\n  load ${rps} rps into c0 for 1s\n${chaos ? '  chaos kill 1 of c0 at 300ms\n' : ''}}`;
      return ['architecture clean', ...text, scenario].join('\n');
    }),
  );
