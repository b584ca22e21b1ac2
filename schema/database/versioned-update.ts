import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ConflictError } from '../errors';

interface Versioned extends ObjectLiteral {
  id: string;
  version: number;
  updatedAt: Date;
}

/**
 * Writes `changes` only if nobody changed the row since it was read
 * (optimistic version check); otherwise throws CONFLICT, and the caller's
 * transaction rolls back with nothing written. On MySQL the UPDATE waits for a
 * concurrent writer's lock and then sees its new version, so exactly one wins.
 */
export async function updateIfUnchanged<T extends Versioned>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  changes: Partial<T>,
  what: string,
): Promise<T> {
  const updatedAt = new Date();
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, updatedAt, version: () => 'version + 1' } as never)
    .where('id = :id AND version = :version', { id: row.id, version: row.version })
    .execute();
  if (result.affected !== 1) throw new ConflictError(`${what} was changed by someone else; reload it and try again`);
  return Object.assign(row, changes, { updatedAt, version: row.version + 1 });
}
