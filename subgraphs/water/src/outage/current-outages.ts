import DataLoader from 'dataloader';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { MAX_BATCH, placeholders, type PreparedSelect, preparedSelect } from '../../../../schema/database/prepared-find';
import { boundedMemo } from '../../../../schema/runtime/bounded-memo';
import type { Outage } from './outage.entity';

/** How far ahead a planned outage is worth telling a caller about. */
export const UPCOMING_WINDOW_MS = 48 * 3600 * 1000;

/** Outages under way, or starting within the window, not yet restored. */
export function currentOutagesQuery(repository: Repository<Outage>, now = new Date()): SelectQueryBuilder<Outage> {
  return repository
    .createQueryBuilder('o')
    .where('o.restoredAt IS NULL')
    .andWhere('o.startsAt <= :horizon', { horizon: new Date(now.getTime() + UPCOMING_WINDOW_MS) })
    .andWhere('(o.endsAt IS NULL OR o.endsAt > :now)', { now })
    .orderBy('o.startsAt', 'ASC');
}

/** currentOutagesQuery for many zones as a prepared statement, its text written once per number of zones. */
function preparedCurrentOutages(prepared: PreparedSelect<Outage>): (zoneCodes: readonly string[], now: Date) => Promise<Outage[]> {
  const [restoredAt, startsAt, endsAt, zoneCode] = ['restoredAt', 'startsAt', 'endsAt', 'zoneCode'].map(prepared.column);
  const tailFor = boundedMemo(MAX_BATCH, (count: number) => `WHERE ${restoredAt} IS NULL AND ${startsAt} <= ? AND (${endsAt} IS NULL OR ${endsAt} > ?) AND ${zoneCode} IN (${placeholders(count)}) ORDER BY ${startsAt} ASC`);
  return (zoneCodes, now) => prepared.rows(tailFor(zoneCodes.length), [new Date(now.getTime() + UPCOMING_WINDOW_MS), now, ...zoneCodes]);
}

/** The current outages of many zones in one query per batch (a prepared statement per batch size on MySQL). */
export function createCurrentOutagesLoader(repository: Repository<Outage>): DataLoader<string, Outage[]> {
  const prepared = preparedSelect(repository);
  const readPrepared = prepared && preparedCurrentOutages(prepared);
  return new DataLoader<string, Outage[]>(async (zoneCodes) => {
    const now = new Date();
    const outages = readPrepared
      ? await readPrepared(zoneCodes, now)
      : await currentOutagesQuery(repository, now).andWhere('o.zoneCode IN (:...zoneCodes)', { zoneCodes }).getMany();
    return zoneCodes.map((code) => outages.filter((outage) => outage.zoneCode === code));
  });
}
