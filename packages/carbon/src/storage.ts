// Storage energy of a datastore's `storage`, by CCF's coefficients.
import { SIZE_UNITS_BYTES, isManaged, type Datastore } from '@topo/model';
import { HOURS_PER_MONTH, MANAGED_STORAGE, SSD_WH_PER_TB_HOUR } from './constants.js';

/** The copies stored and the Wh per TB-hour of each. */
function storageClass(d: Datastore): { copies: number; whPerTBHour: number } {
  if (d.engine === 's3' || d.engine === 'dynamodb') {
    const m = MANAGED_STORAGE[d.engine];
    return { copies: m.replication, whPerTBHour: m.whPerTBHour };
  }
  // Self-hosted engines keep their data on the instances' SSDs (NVMe or EBS gp volumes).
  return { copies: d.replication, whPerTBHour: SSD_WH_PER_TB_HOUR };
}

/**
 * IT energy of one region's `storage` for a month, kWh: TB × copies × Wh per TB-hour × 730 h.
 * `storage` is the data held in the region; each copy (replication) is stored in full.
 */
export function storageKWhPerMonth(d: Datastore): number {
  if (d.storageBytes === undefined) return 0;
  const tb = d.storageBytes / SIZE_UNITS_BYTES.TB;
  const { copies, whPerTBHour } = storageClass(d);
  return (tb * copies * whPerTBHour * HOURS_PER_MONTH) / 1000;
}

export function storageNote(d: Datastore): string | undefined {
  if (d.storageBytes !== undefined) return undefined;
  return isManaged(d.engine)
    ? `no \`storage\`: a managed ${d.engine} is estimated from its storage only, so it counts nothing`
    : 'no `storage`: its disks are not counted';
}
