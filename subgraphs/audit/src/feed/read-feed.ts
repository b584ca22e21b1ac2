import { MoreThan, type DataSource } from 'typeorm';
import type { FeedEventWire, FeedPage, FeedPosition } from '../../../../schema/audit/audit-feed';
import { TrailEvent } from '../trail/trail-event.entity';
import { FEED_HEAD_ID, TrailFeedHead } from '../trail/trail-feed-head.entity';

/** The reader's last event is not where it says: the feed was rewound (a restore) or the reader is confused. */
export class FeedMismatch extends Error {}

function toWire(event: TrailEvent): FeedEventWire {
  return {
    seq: event.feedSeq!,
    id: event.id,
    ticketId: event.ticketId,
    subgraph: event.subgraph,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    fromState: event.fromState,
    toState: event.toState,
    data: event.data === null ? null : (JSON.parse(event.data) as Record<string, unknown>),
    occurredAt: event.occurredAt.toISOString(),
  };
}

/**
 * The events stored after `after`, in feed order. The head is read first:
 * every event up to it has committed (deliveries number under a lock), so the
 * page is a gap-free run and a reader that stops at the head misses nothing.
 */
export async function readFeed(dataSource: DataSource, after: FeedPosition, limit: number): Promise<FeedPage> {
  const head = (await dataSource.getRepository(TrailFeedHead).findOneByOrFail({ id: FEED_HEAD_ID })).lastSeq;
  if (after.seq > 0) {
    const last = await dataSource.getRepository(TrailEvent).findOne({ where: { feedSeq: after.seq }, select: { id: true } });
    if (!last || (after.eventId !== null && last.id !== after.eventId)) {
      throw new FeedMismatch(`the feed holds ${last ? `event ${last.id}` : 'nothing'} at ${after.seq}, not ${after.eventId ?? 'what the reader applied'}`);
    }
  }
  if (after.seq >= head) return { events: [], head };
  const rows = await dataSource.getRepository(TrailEvent).find({
    where: { feedSeq: MoreThan(after.seq) },
    order: { feedSeq: 'ASC' },
    take: Math.min(limit, head - after.seq),
  });
  return { events: rows.filter((row) => row.feedSeq! <= head).map(toWire), head };
}
