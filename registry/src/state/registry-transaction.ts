import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../../schema/database/transaction';
import { ConflictError } from '../../../schema/errors';

const DUPLICATE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);
const ATTEMPTS = 3;

function isDuplicateKey(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return DUPLICATE_CODES.has(candidate?.code ?? '') || DUPLICATE_CODES.has(candidate?.driverError?.code ?? '');
}

/** The change under way in this process, per data source: the next one starts when it ends. */
const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs a change in one transaction. Within one process changes take turns:
 * the embedded SQLite has a single connection that cannot hold two
 * transactions, and a change checked while another commits would only be
 * checked again. Across registry processes (MySQL), two changes checked
 * against the same state both write the same next supergraph version; the
 * primary key lets one commit and the other is checked again, from the
 * start, against what the first one left.
 */
export function inRegistryTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const turn = (queues.get(dataSource) ?? Promise.resolve()).then(() => withRetries(dataSource, work));
  queues.set(dataSource, turn.catch(() => undefined));
  return turn;
}

async function withRetries<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inTransaction(dataSource, work);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (attempt >= ATTEMPTS) throw new ConflictError('the registry kept changing while this change was checked; run it again');
    }
  }
}
