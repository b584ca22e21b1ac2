import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The end of the feed, one row: every delivery locks it first and numbers
 * its events after `lastSeq`, so deliveries commit one after the other and a
 * reader that has seen place n never later finds a new event below n.
 */
@Entity('trail_feed_head')
export class TrailFeedHead {
  @PrimaryColumn('int')
  id: number;

  @Column('int', { default: 0 })
  lastSeq: number;
}

/** The one row's key. */
export const FEED_HEAD_ID = 1;
