import { type EntityManager, In } from 'typeorm';
import { COUNTERS, zeroCounts } from './counters';
import { DepartmentDay } from './department-day.entity';
import { DepartmentMonth } from './department-month.entity';
import { formatHistogram, parseHistogram } from './handling-buckets';
import { RollupDay } from './rollup-day.entity';
import type { PendingRow, RollupDelta } from './rollup-delta';
import type { RollupRow } from './rollup-row';

// rows × columns stays under every driver's limit on bound parameters
const CHUNK = 200;

function merged<R extends RollupRow>(create: () => R, key: string, existing: R | undefined, change: PendingRow): R {
  const row = existing ?? Object.assign(create(), { key, day: change.day, departmentCode: change.unit, ...zeroCounts(), handlingMs: 0, handlingHistogram: null }, change.dimensions ?? {});
  for (const counter of COUNTERS) row[counter] += change.counts[counter] ?? 0;
  row.handlingMs += change.handlingMs;
  if (change.histogram.size) {
    const histogram = parseHistogram(row.handlingHistogram);
    for (const [bucket, count] of change.histogram) histogram.set(bucket, (histogram.get(bucket) ?? 0) + count);
    row.handlingHistogram = formatHistogram(histogram);
  }
  return row;
}

async function writeGrain<R extends RollupRow>(manager: EntityManager, entity: new () => R, changes: Map<string, PendingRow>, fresh: boolean): Promise<void> {
  const keys = [...changes.keys()];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    const stored = fresh ? [] : await manager.find(entity, { where: { key: In(chunk) } as never });
    const existing = new Map(stored.map((row) => [row.key, row]));
    const rows = chunk.map((key) => merged(() => new entity(), key, existing.get(key), changes.get(key)!));
    await manager.upsert(entity, rows as never[], ['key']);
  }
}

/**
 * Adds a delta to the stored rollups: read, add, write back. Runs in the
 * transaction that holds the feed cursor's lock, so no other writer can add
 * to the same rows in between. `fresh`: the tables were just emptied (a
 * rebuild), nothing to read.
 */
export async function writeRollups(manager: EntityManager, delta: RollupDelta, fresh = false): Promise<void> {
  await writeGrain(manager, DepartmentDay, delta.coarse, fresh);
  await writeGrain(manager, DepartmentMonth, delta.monthly, fresh);
  await writeGrain(manager, RollupDay, delta.fine, fresh);
}
