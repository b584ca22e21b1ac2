import type { DataSource, EntityManager } from 'typeorm';

/**
 * Failures where the database rolled our transaction back and running it again is the right answer. On Galera a
 * transaction that lost certification to a write set from another node (or was aborted by one being applied) is
 * reported with the same code, ER_LOCK_DEADLOCK (1213, "WSREP detected deadlock/conflict"), and is retried alike.
 * A connection lost mid-transaction is not retried here: its COMMIT may have been certified before the node died,
 * so the caller gets SERVICE_UNAVAILABLE and retries with its idempotency key instead.
 */
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'SQLITE_BUSY']);
const ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return RETRYABLE_CODES.has(candidate?.code ?? '') || RETRYABLE_CODES.has(candidate?.driverError?.code ?? '');
}

/**
 * Runs `work` in one transaction; if the database chose it as a deadlock
 * victim (InnoDB does this to one of two concurrent intakes now and then; a
 * Galera cluster to one of two conflicting commits on different nodes),
 * the whole unit runs again from the start. Nothing of a failed attempt stays.
 *
 * On MySQL/MariaDB the transaction reads committed data: a step that waited
 * for another's lock must then see what that other step wrote (InnoDB's
 * default, REPEATABLE READ, would show it the snapshot from before the wait).
 * Writes are protected by row locks and version checks, not by the snapshot.
 * The level is set once per connection when the pool opens it (read-committed.ts),
 * not before every transaction: that was one statement more per transaction.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
