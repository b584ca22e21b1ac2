import DataLoader from 'dataloader';
import type { Repository, SelectQueryBuilder } from 'typeorm';
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

/** The current outages of many zones in one query per batch. */
export function createCurrentOutagesLoader(repository: Repository<Outage>): DataLoader<string, Outage[]> {
  return new DataLoader<string, Outage[]>(async (zoneCodes) => {
    const outages = await currentOutagesQuery(repository).andWhere('o.zoneCode IN (:...zoneCodes)', { zoneCodes }).getMany();
    return zoneCodes.map((code) => outages.filter((outage) => outage.zoneCode === code));
  });
}
