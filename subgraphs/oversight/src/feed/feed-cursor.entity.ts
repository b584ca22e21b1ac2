import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far oversight has applied the audit feed: the last event's place and
 * id. Written in the same transaction as the rollups that event changed, so
 * the figures and the cursor can never disagree, whatever stops the process.
 */
@Entity('feed_cursor')
export class FeedCursor {
  @PrimaryColumn('varchar', { length: 20 })
  id: string;

  @Column('int', { default: 0 })
  seq: number;

  @Column('varchar', { length: 36, nullable: true })
  eventId: string | null;
}

/** The one row: oversight follows one feed. */
export const AUDIT_FEED_CURSOR = 'audit';
