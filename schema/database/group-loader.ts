import DataLoader from 'dataloader';
import type { FindOptionsOrder, ObjectLiteral, Repository } from 'typeorm';
import { keyFind, MAX_BATCH } from './prepared-find';

/**
 * A DataLoader for "all rows whose `column` is this key" (a ticket's work
 * orders, a zone's outages): one `IN (...)` query per batch, whatever the
 * batch size, prepared on MySQL (prepared-find.ts). Create one per request,
 * never share across requests.
 */
export function createGroupLoader<T extends ObjectLiteral, K extends keyof T & string>(
  repository: Repository<T>,
  column: K,
  options: { order?: FindOptionsOrder<T> } = {},
): DataLoader<string, T[]> {
  const find = keyFind(repository, column, options.order);
  return new DataLoader<string, T[]>(
    async (keys) => {
      const rows = await find(keys);
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(String(row[column]))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** The same for one row per key (a row by its id or code). */
export function createRowLoader<T extends ObjectLiteral, K extends keyof T & string>(
  repository: Repository<T>,
  column: K,
): DataLoader<string, T | null> {
  const find = keyFind(repository, column);
  return new DataLoader<string, T | null>(
    async (keys) => {
      const rows = await find(keys);
      const byKey = new Map(rows.map((row) => [String(row[column]), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
