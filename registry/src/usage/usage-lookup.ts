import { Brackets, type EntityManager } from 'typeorm';
import { changeHits, lookupKeys } from './coordinate-match';
import { UsageRecord } from './usage-record.entity';
import { windowStartDay } from './usage-window';

/** For each changed path, the names of the operations that used it within the window (sorted, each once). */
export async function operationsUsing(manager: EntityManager, paths: string[], windowDays: number, now = new Date()): Promise<Map<string, string[]>> {
  const used = new Map<string, string[]>(paths.map((path) => [path, []]));
  const keys = paths.map(lookupKeys);
  const exact = [...new Set(keys.flatMap((key) => key.exact))];
  const prefixes = [...new Set(keys.flatMap((key) => (key.typePrefix ? [key.typePrefix] : [])))];
  if (exact.length === 0 && prefixes.length === 0) return used;
  const rows = await manager
    .getRepository(UsageRecord)
    .createQueryBuilder('usage')
    .select(['usage.operationName', 'usage.coordinate'])
    .distinct(true)
    .where('usage.day >= :since', { since: windowStartDay(now, windowDays) })
    .andWhere(
      new Brackets((any) => {
        if (exact.length) any.orWhere('usage.coordinate IN (:...exact)', { exact });
        // `_` is a LIKE wildcard and legal in GraphQL names: the LIKE only narrows, changeHits decides
        prefixes.forEach((prefix, index) => any.orWhere(`usage.coordinate LIKE :prefix${index}`, { [`prefix${index}`]: `${prefix}%` }));
      }),
    )
    .getMany();
  for (const path of paths) {
    const names = rows.filter((row) => changeHits(path, row.coordinate)).map((row) => row.operationName);
    used.set(path, [...new Set(names)].sort());
  }
  return used;
}
