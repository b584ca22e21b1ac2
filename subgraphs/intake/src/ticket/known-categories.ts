import type { DataSource } from 'typeorm';
import { Category } from '../category/category.entity';

/** How long a category, once found, is taken as known without asking the database again. */
const KNOWN_FOR_MS = 5 * 60_000;

const known = new WeakMap<DataSource, Map<string, number>>();

/**
 * Whether intake may file a ticket under `code`. The catalogue's API adds and
 * renames categories but never removes one, so a code found once stays valid:
 * only a found code is remembered (a category added on another instance is
 * usable at once), for a while, so a row deleted by hand stops being accepted
 * within minutes. Saves intake one SELECT per ticket.
 */
export async function isKnownCategory(dataSource: DataSource, code: string, now = Date.now()): Promise<boolean> {
  let codes = known.get(dataSource);
  if (!codes) known.set(dataSource, (codes = new Map()));
  const until = codes.get(code);
  if (until !== undefined && until > now) return true;
  const exists = await dataSource.getRepository(Category).existsBy({ code });
  if (exists) codes.set(code, now + KNOWN_FOR_MS);
  else codes.delete(code);
  return exists;
}
