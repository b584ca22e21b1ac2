import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { keyFind, MAX_BATCH } from './prepared-find';

/** How long a replica serves a catalogue table from memory before reading it again. */
export const REFERENCE_ROWS_TTL_MS = 10_000;

interface Snapshot {
  rows: Map<string, ObjectLiteral>;
  readAt: number;
}

interface Held {
  snapshot: Snapshot | null;
  loading: Promise<Snapshot> | null;
  /** Bumped by every forget: a read that began before it must not put back what it read. */
  generation: number;
}

const held = new WeakMap<DataSource, Map<unknown, Held>>();

function heldFor(dataSource: DataSource, target: unknown): Held {
  let tables = held.get(dataSource);
  if (!tables) held.set(dataSource, (tables = new Map()));
  let entry = tables.get(target);
  if (!entry) tables.set(target, (entry = { snapshot: null, loading: null, generation: 0 }));
  return entry;
}

/** After a change to the table commits: this replica reads it again on the next request. */
export function forgetReferenceRows(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): void {
  const entry = heldFor(dataSource, target);
  entry.snapshot = null;
  entry.loading = null;
  entry.generation += 1;
}

/**
 * A row-by-key loader for a small catalogue table (departments, categories: a few dozen rows that change a few
 * times a year), served from one copy of the whole table per process, read again at most every `ttlMs`. Every
 * ticket view and page named a ticket's category and its departments, two statements and a round trip on intake's
 * critical path; now one statement every ten seconds. A change made on this replica is seen at once
 * (forgetReferenceRows after it commits), one made on another within `ttlMs`; a key missing from the copy (a row
 * added elsewhere since) is read from the table, so a new department is never shown as unknown. The rows are
 * shared between requests: read them, never change them.
 */
export function createReferenceLoader<T extends ObjectLiteral, K extends keyof T & string>(
  repository: Repository<T>,
  key: K,
  ttlMs = REFERENCE_ROWS_TTL_MS,
): DataLoader<string, T | null> {
  const dataSource = repository.manager.connection;
  const entry = heldFor(dataSource, repository.target);
  const readTable = (): Promise<Snapshot> => {
    const generation = entry.generation;
    const loading = repository.find().then((rows) => {
      const snapshot = { rows: new Map(rows.map((row) => [String(row[key]), row as ObjectLiteral])), readAt: Date.now() };
      if (entry.generation === generation) entry.snapshot = snapshot;
      return snapshot;
    });
    entry.loading = loading;
    return loading.finally(() => {
      if (entry.loading === loading) entry.loading = null;
    });
  };
  const missing = keyFind(repository, key);
  return new DataLoader<string, T | null>(
    async (keys) => {
      const fresh = entry.snapshot && Date.now() - entry.snapshot.readAt < ttlMs ? entry.snapshot : null;
      const snapshot = fresh ?? (await (entry.loading ?? readTable()));
      const unknown = keys.filter((each) => !snapshot.rows.has(each));
      const found = unknown.length ? new Map((await missing(unknown)).map((row) => [String(row[key]), row])) : null;
      return keys.map((each) => (snapshot.rows.get(each) as T | undefined) ?? found?.get(each) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
