// Petal rules: petal-replicas, petal-region, petal-memory.
import { describe, expect, test } from 'vitest';
import { expectAnnotated, only } from './topo.js';

const regions = `
  region home {
    zones a, b, c
  }
  region away {
    zones a, b, c
  }
`;

describe('petal-replicas', () => {
  test('fires on replicas other than three', async () => {
    await expectAnnotated(`${regions}
      petal two {
        region home
        memory 1TB
        replicas 2                                  // @expect petal-replicas
      }
      petal four {
        region home
        memory 1TB
        replicas 4                                  // @expect petal-replicas
      }
      petal three {
        region home
        memory 1TB
        replicas 3
      }
    `);
  });
});

describe('petal-region', () => {
  test('fires on each member not deployed in the petal region', async () => {
    const findings = await expectAnnotated(`${regions}
      service here {
        regions home
      }
      service both
      service there {
        regions away
      }
      cache far: redis {
        regions away
      }
      petal p {
        region home
        memory 1TB
        members here, both,
          there,                                    // @expect petal-region
          far                                       // @expect petal-region
      }
    `);
    expect(findings[0]!.message).toBe("there is a member of petal p in home but runs only in away: members share the petal's memory, so they must run in its region");
    expect(findings[0]!.severity).toBe('error');
  });
});

describe('petal-memory', () => {
  const petal = (memory: string) => `${regions}
      service render {
        regions home
        instances 6 of r5.2xlarge
        memory 64GB
      }
      service frames {
        instances 3 of r5.4xlarge
        memory 128GB
      }
      cache hot: redis {
        regions home
        instances 2 of r5.large
      }
      petal studio {
        region home
        memory ${memory}
        members render, frames, hot
      }
  `;

  test('fires when the members need more memory than the petal has, counting only its region', async () => {
    const text = petal('799GB').replace('memory 799GB', 'memory 799GB                                 // @expect petal-memory');
    const findings = await expectAnnotated(text);
    expect(only(findings, 'petal-memory').message).toBe(
      'the members of petal studio need 800GB in home, more than its 799GB: render 6 × 64GB + frames 3 × 128GB + hot 2 × 16GB = 800GB',
    );
    expect(only(findings, 'petal-memory').severity).toBe('error');
  });

  test('memory exactly full does not fire', async () => {
    await expectAnnotated(petal('800GB'));
  });
});
