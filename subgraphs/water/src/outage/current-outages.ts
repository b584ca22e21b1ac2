import DataLoader from 'dataloader';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { preparedSelect } from '../../../../schema/database/prepared-find';
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

/** The current outages of many zones in one query per batch (a prepared statement per batch size on MySQL). */
export function createCurrentOutagesLoader(repository: Repository<Outage>): DataLoader<string, Outage[]> {
  const prepared = preparedSelect(repository);
  const tails = new Map<number, string>();
  const tailFor = (count: number) => {
    let tail = tails.get(count);
    if (tail === undefined && prepared) {
      const [restoredAt, startsAt, endsAt, zoneCode] = ['restoredAt', 'startsAt', 'endsAt', 'zoneCode'].map(prepared.column);
      const zones = Array.from({ length: count }, () => '?').join(', ');
      tails.set(count, (tail = `WHERE ${restoredAt} IS NULL AND ${startsAt} <= ? AND (${endsAt} IS NULL OR ${endsAt} > ?) AND ${zoneCode} IN (${zones}) ORDER BY ${startsAt} ASC`));
    }
    return tail!;
  };
  return new DataLoader<string, Outage[]>(async (zoneCodes) => {
    const now = new Date();
    const outages = prepared
      ? await prepared.rows(tailFor(zoneCodes.length), [new Date(now.getTime() + UPCOMING_WINDOW_MS), now, ...zoneCodes])
      : await currentOutagesQuery(repository, now).andWhere('o.zoneCode IN (:...zoneCodes)', { zoneCodes }).getMany();
    return zoneCodes.map((code) => outages.filter((outage) => outage.zoneCode === code));
  });
}
