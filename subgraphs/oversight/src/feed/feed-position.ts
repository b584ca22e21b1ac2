import type { EntityManager } from 'typeorm';
import type { FeedPosition } from '../../../../schema/audit/audit-feed';
import { AUDIT_FEED_CURSOR, FeedCursor } from './feed-cursor.entity';

/** Where the stored cursor stands. */
export async function readPosition(manager: EntityManager): Promise<FeedPosition> {
  const cursor = await manager.findOneByOrFail(FeedCursor, { id: AUDIT_FEED_CURSOR });
  return { seq: cursor.seq, eventId: cursor.eventId };
}

/**
 * Takes the cursor's row lock for the rest of the transaction and reads it:
 * a second replica (or a rebuild) applying the same page waits here, then
 * sees the cursor moved and applies nothing.
 */
export async function lockPosition(manager: EntityManager): Promise<FeedPosition> {
  await manager.update(FeedCursor, { id: AUDIT_FEED_CURSOR }, { seq: () => 'seq' });
  return readPosition(manager);
}

export async function writePosition(manager: EntityManager, position: FeedPosition): Promise<void> {
  await manager.update(FeedCursor, { id: AUDIT_FEED_CURSOR }, { seq: position.seq, eventId: position.eventId });
}
