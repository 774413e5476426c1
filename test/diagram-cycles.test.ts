// A design being typed may fork in parallel around a cycle; ELK's partitioned layout throws
// on some such graphs (found by the fuzzer). The preview must still draw every component.
import { describe, expect, it } from 'vitest';
import { parseModelFromString } from '@topo/language';
import { drawDiagram, type GroupBy } from '@topo/diagram';

const forksAroundCycles = `architecture fuzz
datastore db: cassandra
cache kv: redis
service s0 {
}
service s3 {
  layer sal
  parallel {
    call s6
  }
}
service s4 {
  layer edge
  parallel {
    call s8
  }
}
service s6 {
  layer sal
  call s3
  call s0
}
service s8 {
  layer edge
  parallel {
    call s0
    call s4
  }
}
`;

describe('drawDiagram on parallel forks around cycles', () => {
  it.each(['layer', 'none', 'team', 'petal', 'region'] satisfies GroupBy[])('draws every component, grouped by %s', async (groupBy) => {
    const { model, findings } = await parseModelFromString(forksAroundCycles);
    const drawn = await drawDiagram(model, findings, { groupBy });
    expect(drawn.message).toBeUndefined();
    for (const name of ['s0', 's3', 's4', 's6', 's8', 'db', 'kv']) expect(drawn.svg).toContain(`data-id="${name}"`);
  });
});
