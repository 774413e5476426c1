import { describe, expect, it } from 'vitest';
import { SIZE_UNITS_BYTES } from '@topo/model';
import { buildModel } from '@topo/model/testing';
import { componentCarbon, estimateCarbon } from '../src/index.js';

// Every constant below is written out as Cloud Carbon Footprint publishes it, so a wrong
// constant in the package fails these tests (see docs/carbon.md for the sources).
const HOURS = 730; // a month
const SKYLAKE = { min: 0.65, max: 4.26 }; // W per vCPU, MIN/MAX_WATTS_BY_COMPUTE_PROCESSOR
const SKYLAKE_GB_PER_CHIP = 81.32; // MEMORY_BY_COMPUTE_PROCESSOR
const MEMORY_KWH_PER_GB_HOUR = 0.000392; // MEMORY_COEFFICIENT
const AWS_PUE = 1.135; // PUE_AVG
const US_EAST_1_T_PER_KWH = 0.000379069; // EPA eGRID2020, NERC SERC
const EU_NORTH_1_T_PER_KWH = 0.0000088; // EEA, Sweden
const M5_HOST = { vcpus: 96, memoryGB: 384, embodiedT: 1.6103792 }; // m5.24xlarge / m5.metal
const M5_LARGE = { vcpus: 2, memoryGB: 8 };
const LIFESPAN_HOURS = 35_040; // 4 years

const tenM5 = (region = 'us-east-1', name = 'web') => ({ name, regions: [region], instances: 10, type: 'm5.large' });

describe('10 × m5.large in us-east-1 for a month, by hand', () => {
  // Compute: vCPU-hours × (min + 50% × (max − min)) watts.
  const vcpuHours = 10 * M5_LARGE.vcpus * HOURS; // 14,600
  const averageWatts = SKYLAKE.min + 0.5 * (SKYLAKE.max - SKYLAKE.min); // 2.455
  const computeKWh = (vcpuHours * averageWatts) / 1000; // 35.843
  // Memory: the host's GB per chip beyond SPECpower's Skylake servers, shared by memory.
  const chips = Math.ceil(M5_HOST.vcpus / 96); // 1
  const countedGB = ((M5_HOST.memoryGB / chips - SKYLAKE_GB_PER_CHIP) * M5_LARGE.memoryGB) / M5_HOST.memoryGB; // 6.3058
  const memoryKWh = 10 * countedGB * HOURS * MEMORY_KWH_PER_GB_HOUR; // 18.0448
  const energyKWh = (computeKWh + memoryKWh) * AWS_PUE; // 61.1626
  const operationalKg = energyKWh * US_EAST_1_T_PER_KWH * 1000; // 23.1849
  // Embodied: host kgCO2e × hours / life × vCPUs / host vCPUs.
  const embodiedKg = 10 * M5_HOST.embodiedT * 1000 * (HOURS / LIFESPAN_HOURS) * (M5_LARGE.vcpus / M5_HOST.vcpus); // 6.9895

  const report = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [tenM5()] }));

  it('matches to the gram', () => {
    expect(report.energyKWhPerMonth).toBeCloseTo(energyKWh, 3);
    expect(report.operationalKgCO2ePerMonth).toBeCloseTo(operationalKg, 3);
    expect(report.embodiedKgCO2ePerMonth).toBeCloseTo(embodiedKg, 3);
    expect(report.totalKgCO2ePerMonth).toBeCloseTo(operationalKg + embodiedKg, 3);
    // The same figures, as docs/carbon.md prints them.
    expect(report.operationalKgCO2ePerMonth).toBeCloseTo(23.185, 3);
    expect(report.embodiedKgCO2ePerMonth).toBeCloseTo(6.989, 3);
  });

  it('itemises the row by CCF usage class, before PUE', () => {
    const [row] = report.components;
    expect(row).toMatchObject({ name: 'web', kind: 'service', region: 'us-east-1', instances: 10, instanceType: 'm5.large', utilization: 0.5 });
    expect(row!.computeKWhPerMonth).toBeCloseTo(computeKWh, 9);
    expect(row!.memoryKWhPerMonth).toBeCloseTo(memoryKWh, 9);
    expect(row!.storageKWhPerMonth).toBe(0);
    expect(row!.share).toBe(1);
  });

  it('reports the region with its sources', () => {
    expect(report.regions).toEqual([
      expect.objectContaining({ name: 'us-east-1', provider: 'aws', gridGCO2ePerKWh: 379.069, gridSource: 'ccf', pue: AWS_PUE, pueSource: 'ccf', share: 1 }),
    ]);
  });
});

describe('region', () => {
  it('moving to eu-north-1 cuts the operational part by the ratio of grid intensities, and nothing else', () => {
    const east = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [tenM5()] }));
    const north = estimateCarbon(buildModel({ regions: ['eu-north-1'], services: [tenM5('eu-north-1')] }));
    expect(north.operationalKgCO2ePerMonth / east.operationalKgCO2ePerMonth).toBeCloseTo(EU_NORTH_1_T_PER_KWH / US_EAST_1_T_PER_KWH, 12);
    expect(north.energyKWhPerMonth).toBeCloseTo(east.energyKWhPerMonth, 12);
    expect(north.embodiedKgCO2ePerMonth).toBeCloseTo(east.embodiedKgCO2ePerMonth, 12);
  });

  it("a region's grid and pue override CCF's; each alone leaves the other", () => {
    const base = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [tenM5()] }));
    const itKWh = base.energyKWhPerMonth / AWS_PUE;
    const r = estimateCarbon(buildModel({ regions: [{ name: 'us-east-1', grid: 100, pue: 1.2 }], services: [tenM5()] }));
    expect(r.energyKWhPerMonth).toBeCloseTo(itKWh * 1.2, 9);
    expect(r.operationalKgCO2ePerMonth).toBeCloseTo((itKWh * 1.2 * 100) / 1000, 9);
    expect(r.regions[0]).toMatchObject({ gridGCO2ePerKWh: 100, gridSource: 'model', pue: 1.2, pueSource: 'model' });

    expect(estimateCarbon(buildModel({ regions: [{ name: 'us-east-1', grid: 100 }], services: [tenM5()] })).regions[0]).toMatchObject({
      gridSource: 'model',
      pue: AWS_PUE,
      pueSource: 'ccf',
    });
  });

  it("the implicit region `default` is aws us-east-1's, and says so", () => {
    const r = estimateCarbon(buildModel({ services: [tenM5('default')] }));
    expect(r.regions[0]).toMatchObject({ name: 'default', gridGCO2ePerKWh: 379.069, gridSource: 'ccf', pue: AWS_PUE });
    expect(r.notes.some((n) => n.includes('default') && n.includes('us-east-1'))).toBe(true);
  });

  it('a region of unknown name takes its provider average, flagged; a known one is not flagged', () => {
    const r = estimateCarbon(buildModel({ regions: ['mars-1'], services: [tenM5('mars-1')] }));
    expect(r.regions[0]).toMatchObject({ gridGCO2ePerKWh: 392.78188, gridSource: 'provider-average' });
    expect(r.notes.filter((n) => n.includes('mars-1'))).toHaveLength(1);
    const known = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [tenM5()] }));
    expect(known.notes.some((n) => n.includes('average'))).toBe(false);
  });

  it('a region a component names but the model does not declare is taken as aws, and says so', () => {
    const lost = { name: 'lost', regions: ['nowhere'], instances: 1, type: 'm5.large' };
    const r = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [lost] }));
    expect(r.regions.map((x) => [x.name, x.provider, x.gridSource])).toEqual([
      ['us-east-1', 'aws', 'ccf'],
      ['nowhere', 'aws', 'provider-average'],
    ]);
    expect(r.notes).toContain('region nowhere is not declared: taken as aws');
    expect(r.components[0]!.totalKgCO2ePerMonth).toBeGreaterThan(0);
  });

  it('gcp regions: Google-published PUE where there is one, else 1.1; azure names in any case', () => {
    const r = estimateCarbon(
      buildModel({ regions: [{ name: 'us-central1', provider: 'gcp' }, { name: 'us-east1', provider: 'gcp' }, { name: 'EastUS', provider: 'azure' }] }),
    );
    expect(r.regions.map((x) => [x.name, x.gridGCO2ePerKWh, x.pue])).toEqual([
      ['us-central1', 456, 1.11],
      ['us-east1', 434, 1.1],
      ['EastUS', 379.069, 1.185],
    ]);
  });

  it('onprem: CCF on-premise PUE and average grid, flagged', () => {
    expect(estimateCarbon(buildModel({ regions: [{ name: 'dc1', provider: 'onprem' }] })).regions[0]).toMatchObject({ pue: 1.58, gridGCO2ePerKWh: 322.8315385, gridSource: 'provider-average' });
  });
});

describe('utilisation', () => {
  const twoServices = () => buildModel({ regions: ['us-east-1'], services: [tenM5('us-east-1', 'web'), tenM5('us-east-1', 'api')] });
  const computeAt = (u: number) => (10 * M5_LARGE.vcpus * HOURS * (SKYLAKE.min + u * (SKYLAKE.max - SKYLAKE.min))) / 1000;

  it("a simulation's utilisation changes the compute part as the formula says; others keep 50%", () => {
    const base = estimateCarbon(twoServices());
    const r = estimateCarbon(twoServices(), { utilization: new Map([['web', 0.2]]) });
    const [web, api] = r.components;
    expect(web!.utilization).toBe(0.2);
    expect(web!.computeKWhPerMonth).toBeCloseTo(computeAt(0.2), 9);
    expect(web!.memoryKWhPerMonth).toBe(base.components[0]!.memoryKWhPerMonth);
    expect(web!.embodiedKgCO2ePerMonth).toBe(base.components[0]!.embodiedKgCO2ePerMonth);
    expect(api!.utilization).toBe(0.5);
    expect(api!.computeKWhPerMonth).toBeCloseTo(computeAt(0.5), 9);
    expect(api!.computeKWhPerMonth).toBe(base.components[1]!.computeKWhPerMonth);
  });

  it('0% draws min watts, 100% max watts; one figure applies to every component', () => {
    const idle = estimateCarbon(twoServices(), { utilization: 0 });
    const busy = estimateCarbon(twoServices(), { utilization: 1 });
    expect(idle.components.map((c) => c.computeKWhPerMonth)).toEqual([computeAt(0), computeAt(0)].map((x) => expect.closeTo(x, 9)));
    expect(busy.components[1]!.computeKWhPerMonth).toBeCloseTo((10 * 2 * HOURS * SKYLAKE.max) / 1000, 9);
  });

  it('refuses utilisation outside 0..1', () => {
    for (const bad of [-0.01, 1.01, Number.NaN]) {
      expect(() => estimateCarbon(twoServices(), { utilization: bad })).toThrow(RangeError);
      expect(() => estimateCarbon(twoServices(), { utilization: new Map([['api', bad]]) })).toThrow(/api/);
    }
  });
});

describe('datastores and caches', () => {
  const TB = SIZE_UNITS_BYTES.TB;

  it('self-hosted storage: SSD 1.2 Wh per TB-hour × replication, beside the instances', () => {
    const db = buildModel({ regions: ['us-east-1'], datastores: [{ name: 'db', engine: 'cassandra', instances: 6, type: 'i3.2xlarge', storageBytes: 2 * TB, replication: 3 }] });
    const [row] = estimateCarbon(db).components;
    expect(row!.storageKWhPerMonth).toBeCloseTo((2 * 3 * 1.2 * HOURS) / 1000, 9); // 5.256 kWh
    expect(row!.instances).toBe(6);
    expect(row!.computeKWhPerMonth).toBeGreaterThan(0);
    expect(row!.notes).toEqual([]);
  });

  it('managed s3 and dynamodb: storage only, HDD 0.65 Wh per TB-hour × CCF replication (6, 2)', () => {
    const managed = buildModel({
      regions: ['us-east-1'],
      datastores: [
        { name: 'blobs', engine: 's3', storageBytes: 1 * TB },
        { name: 'table', engine: 'dynamodb', storageBytes: 1 * TB },
      ],
    });
    const rows = estimateCarbon(managed).components;
    expect(rows.map((r) => r.storageKWhPerMonth)).toEqual([expect.closeTo((6 * 0.65 * HOURS) / 1000, 9), expect.closeTo((2 * 0.65 * HOURS) / 1000, 9)]);
    for (const r of rows) {
      expect(r).toMatchObject({ instances: 0, computeKWhPerMonth: 0, memoryKWhPerMonth: 0, embodiedKgCO2ePerMonth: 0 });
      expect(r.instanceType).toBeUndefined();
    }
  });

  it('a datastore without `storage` counts no storage, and says so', () => {
    const [row] = estimateCarbon(buildModel({ regions: ['us-east-1'], datastores: [{ name: 'table', engine: 'dynamodb' }] })).components;
    expect(row!.totalKgCO2ePerMonth).toBe(0);
    expect(row!.notes).toHaveLength(1);
  });

  it('caches are estimated like services', () => {
    const [cacheRow] = estimateCarbon(buildModel({ regions: ['us-east-1'], caches: [{ ...tenM5(), name: 'c' }] })).components;
    const [serviceRow] = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [tenM5()] })).components;
    expect(cacheRow!.kind).toBe('cache');
    expect(cacheRow!.totalKgCO2ePerMonth).toBe(serviceRow!.totalKgCO2ePerMonth);
  });
});

describe('totals, regions and shares', () => {
  const m = buildModel({
    regions: ['us-east-1', 'us-west-2'],
    services: [{ name: 'web', regions: ['us-east-1', 'us-west-2'], instances: 4, type: 'm5.xlarge' }, tenM5('us-east-1', 'api')],
    caches: [{ name: 'c', regions: ['us-west-2'], instances: 3, type: 'r5.large' }],
  });
  const r = estimateCarbon(m);

  it('one row per component per region; regions and rows add up to the totals', () => {
    expect(r.components.map((c) => `${c.name}@${c.region}`)).toEqual(['web@us-east-1', 'web@us-west-2', 'api@us-east-1', 'c@us-west-2']);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(r.components.map((c) => c.totalKgCO2ePerMonth))).toBeCloseTo(r.totalKgCO2ePerMonth, 9);
    expect(sum(r.regions.map((x) => x.totalKgCO2ePerMonth))).toBeCloseTo(r.totalKgCO2ePerMonth, 9);
    expect(sum(r.components.map((c) => c.share))).toBeCloseTo(1, 12);
    expect(sum(r.regions.map((x) => x.share))).toBeCloseTo(1, 12);
    expect(r.hoursPerMonth).toBe(730);
  });

  it("componentCarbon sums a component's regions, for the editor; undefined for a name not estimated", () => {
    const web = componentCarbon(r, 'web')!;
    const rows = r.components.filter((c) => c.name === 'web');
    expect(web.totalKgCO2ePerMonth).toBeCloseTo(rows[0]!.totalKgCO2ePerMonth + rows[1]!.totalKgCO2ePerMonth, 12);
    expect(componentCarbon(r, 'api')!.totalKgCO2ePerMonth).toBe(r.components[2]!.totalKgCO2ePerMonth);
    expect(componentCarbon(r, 'nope')).toBeUndefined();
  });

  it('an empty model estimates zero, with no division by zero', () => {
    const empty = estimateCarbon(buildModel({ regions: ['us-east-1'] }));
    expect(empty.totalKgCO2ePerMonth).toBe(0);
    expect(empty.regions[0]!.share).toBe(0);
  });
});

describe('instance types outside the catalog', () => {
  it('take vCPUs from the name and the provider average, with no embodied share, and say so', () => {
    const [row] = estimateCarbon(buildModel({ regions: ['us-east-1'], services: [{ name: 'big', instances: 1, type: 'c6i.8xlarge' }] })).components;
    expect(row!.computeKWhPerMonth).toBeCloseTo((32 * HOURS * (0.74 + 0.5 * (3.5 - 0.74))) / 1000, 9);
    expect(row!.memoryKWhPerMonth).toBe(0);
    expect(row!.embodiedKgCO2ePerMonth).toBe(0);
    expect(row!.notes).toEqual([expect.stringContaining('c6i.8xlarge is not in the catalog: 32 vCPUs (from its name)')]);
  });
});
