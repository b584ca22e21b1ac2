import DataLoader from 'dataloader';
import { In, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';

/**
 * A DataLoader for "all rows whose `column` is this key" (a ticket's work
 * orders, a zone's outages): one `IN (...)` query per batch, whatever the
 * batch size. Create one per request, never share across requests.
 */
export function createGroupLoader<T extends ObjectLiteral, K extends keyof T & string>(
  repository: Repository<T>,
  column: K,
  options: { where?: FindOptionsWhere<T>; order?: FindOptionsOrder<T> } = {},
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const rows = await repository.find({
        where: { ...options.where, [column]: In([...keys]) } as FindOptionsWhere<T>,
        order: options.order,
      });
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(String(row[column]))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: 500 },
  );
}

/** The same for one row per key (a row by its id or code). */
export function createRowLoader<T extends ObjectLiteral, K extends keyof T & string>(
  repository: Repository<T>,
  column: K,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (keys) => {
      const rows = await repository.find({ where: { [column]: In([...keys]) } as FindOptionsWhere<T> });
      const byKey = new Map(rows.map((row) => [String(row[column]), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: 500 },
  );
}
