import type { DataSource } from 'typeorm';
import { ClockLease } from './clock-lease.entity';

/**
 * A lease in the database the replicas share: `take` succeeds for the holder
 * (renewing it) or for anyone once it has expired, so one replica runs the job
 * at a time and another takes over within `ttlMs` when it dies. One UPDATE
 * with the condition decides; the row is created on first use.
 */
export async function takeLease(dataSource: DataSource, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await dataSource
    .createQueryBuilder()
    .update(ClockLease)
    .set({ holder, expiresAt })
    .where('name = :name AND (holder = :holder OR expiresAt < :now)', { name, holder, now })
    .execute();
  if (taken.affected === 1) return true;
  // the first use: whichever replica's row lands first holds it (INSERT IGNORE / OR IGNORE: the loser is no error)
  await dataSource.createQueryBuilder().insert().into(ClockLease).values({ name, holder, expiresAt }).orIgnore().execute();
  const lease = await dataSource.getRepository(ClockLease).findOneBy({ name });
  return lease?.holder === holder;
}

/** Lets the lease go at a clean stop, so the next replica need not wait for it to expire. */
export async function releaseLease(dataSource: DataSource, name: string, holder: string): Promise<void> {
  await dataSource.getRepository(ClockLease).delete({ name, holder });
}
