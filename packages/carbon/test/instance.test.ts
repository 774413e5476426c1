import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES, instanceEmbodiedKgCO2e, instanceType, type InstanceType } from '@topo/model';
import { countedMemoryGB, instanceProfile, microarchitectureWatts, vcpusFromName } from '../src/instance.js';

describe('watts per vCPU of a microarchitecture group', () => {
  it('one microarchitecture: its SPECpower figures', () => {
    expect(microarchitectureWatts(['Skylake'], 'aws')).toEqual({ watts: { min: 0.65, max: 4.26 }, of: 'Skylake' });
  });

  it('a group: the average (c5, r5: Cascade Lake / Skylake)', () => {
    const { watts } = microarchitectureWatts(['Cascade Lake', 'Skylake'], 'aws');
    expect(watts.min).toBeCloseTo((0.64 + 0.65) / 2, 12);
    expect(watts.max).toBeCloseTo((3.97 + 4.26) / 2, 12);
  });

  it('a group with Sandy Bridge or Ivy Bridge: the median', () => {
    const { watts } = microarchitectureWatts(['Skylake', 'Broadwell', 'Ivy Bridge'], 'gcp');
    expect(watts).toEqual({ min: 0.71, max: 4.26 });
  });

  it('none, or one CCF has no figures for: the provider average', () => {
    expect(microarchitectureWatts([], 'aws')).toEqual({ watts: { min: 0.74, max: 3.5 }, of: 'aws average' });
    expect(microarchitectureWatts(['Ice Lake'], 'azure')).toEqual({ watts: { min: 0.74, max: 3.54 }, of: 'azure average' });
    expect(microarchitectureWatts(['Skylake', 'Ice Lake'], 'gcp').watts).toEqual({ min: 0.68, max: 4.11 });
  });
});

describe('memory CCF counts', () => {
  const type = (name: string) => instanceType(name)!;

  it('AWS: host GB per chip beyond SPECpower, shared by memory', () => {
    expect(countedMemoryGB(type('m5.large'))).toBeCloseTo(((384 - 81.32) * 8) / 384, 12);
    expect(countedMemoryGB(type('r5.large'))).toBeCloseTo(((768 - (98.12 + 81.32) / 2) * 16) / 768, 12);
    // i3: no microarchitecture in CCF, so AWS's average 80.69 GB per chip; i3.metal 72 vCPUs is one chip.
    expect(countedMemoryGB(type('i3.2xlarge'))).toBeCloseTo(((512 - 80.69) * 61) / 512, 12);
  });

  it('none for burstable types, nor where the host has less memory per chip than SPECpower', () => {
    expect(countedMemoryGB(type('t3.large'))).toBe(0);
    const lean: InstanceType = { ...type('m5.large'), hostMemoryGiB: 80 };
    expect(countedMemoryGB(lean)).toBe(0);
  });

  it('hosts over 96 vCPUs count one chip per 96', () => {
    const big: InstanceType = { ...type('m5.large'), hostVcpus: 192, hostMemoryGiB: 768 };
    expect(countedMemoryGB(big)).toBeCloseTo(((768 / 2 - 81.32) * 8) / 768, 12);
  });

  it('GCP: all of it', () => {
    expect(countedMemoryGB(type('n2-standard-2'))).toBe(8);
  });
});

describe('vCPUs from a type name', () => {
  it.each([
    ['m5.large', 2],
    ['c6i.xlarge', 4],
    ['c6i.8xlarge', 32],
    ['n2-highcpu-16', 16],
    ['Standard_E8s_v5', 8],
  ])('%s: %i', (name, vcpus) => expect(vcpusFromName(name)).toBe(vcpus));

  it('says nothing of names without a convention', () => {
    expect(vcpusFromName('t4g.micro')).toBeUndefined();
    expect(vcpusFromName('bigbox')).toBeUndefined();
  });

  it('a type outside the catalog with no such name is assumed to have 2 vCPUs, and says so', () => {
    const p = instanceProfile('bigbox', 'gcp');
    expect(p).toMatchObject({ known: false, vcpus: 2, watts: { min: 0.68, max: 4.11 }, memoryGB: 0, embodiedKgPerHour: 0 });
    expect(p.notes[0]).toContain('2 vCPUs (assumed)');
  });
});

describe('the catalog against CCF', () => {
  it('holds what the language reference promises, each with a known profile', () => {
    const names = INSTANCE_TYPES.map((t) => t.name);
    for (const family of ['m5', 'c5', 'r5', 'i3', 'm6g'])
      for (const size of ['large', 'xlarge', '2xlarge', '4xlarge']) expect(names).toContain(`${family}.${size}`);
    for (const t of ['t3.micro', 't3.small', 't3.medium', 't3.large', 't3.xlarge', 'n2-standard-2', 'n2-standard-4', 'n2-standard-8', 'e2-standard-2', 'e2-standard-4', 'Standard_D2s_v5', 'Standard_D4s_v5'])
      expect(names).toContain(t);
    for (const t of INSTANCE_TYPES) {
      const p = instanceProfile(t.name, t.provider);
      expect(p.known).toBe(true);
      expect(p.vcpus).toBeLessThanOrEqual(t.hostVcpus);
      expect(p.embodiedKgPerHour).toBeGreaterThan(0);
      expect(p.watts.max).toBeGreaterThan(p.watts.min);
    }
  });

  it("shares the host's embodied emissions by vCPUs (m5.large: 1,610.3792 kg × 2 / 96)", () => {
    expect(instanceEmbodiedKgCO2e(instanceType('m5.large')!)).toBeCloseTo((1610.3792 * 2) / 96, 9);
    expect(instanceEmbodiedKgCO2e(instanceType('m5.4xlarge')!)).toBeCloseTo((1610.3792 * 16) / 96, 9);
    // t3 shares m5's host, as CCF's methodology says for burstable families.
    expect(instanceEmbodiedKgCO2e(instanceType('t3.micro')!)).toBeCloseTo((1610.3792 * 2) / 96, 9);
  });

  it('e2 spans four microarchitectures: their average', () => {
    const p = instanceProfile('e2-standard-2', 'gcp');
    expect(p.watts.min).toBeCloseTo((0.65 + 0.71 + 1 + 0.47) / 4, 12);
    expect(p.watts.max).toBeCloseTo((4.26 + 3.69 + 4.74 + 1.69) / 4, 12);
  });
});
