import type { DataSource } from 'typeorm';
import type { FeedEventWire, FeedPosition } from '../../../../schema/audit/audit-feed';
import { inTransaction } from '../../../../schema/database/transaction';
import type { WorkingCalendar } from '../../../../schema/time/working-calendar';
import { FactStore } from '../facts/fact-store';
import { type FeedEvent, toFeedEvent } from '../projection/feed-event';
import { projectEvent } from '../projection/project-event';
import { RollupDelta } from '../rollup/rollup-delta';
import { writeRollups } from '../rollup/write-rollups';
import { lockPosition, writePosition } from './feed-position';

export interface PageOutcome {
  /** Events applied by this call: 0 when another writer had applied the page first. */
  applied: number;
  position: FeedPosition;
  /** Events the projection could not place, and why: for the log, once the page has committed. */
  skipped: Array<{ event: FeedEvent; why: string }>;
}

/**
 * Applies a page that continues from `from`, exactly once: in one
 * transaction the cursor is locked and checked, the facts of the page's
 * tickets loaded, every event projected, and facts, rollups and cursor
 * written. A crash anywhere leaves all of it as it was before.
 */
export function applyPage(
  dataSource: DataSource,
  from: FeedPosition,
  page: readonly FeedEventWire[],
  calendar: WorkingCalendar,
  timeZone: string,
): Promise<PageOutcome> {
  return inTransaction(dataSource, async (manager) => {
    const stored = await lockPosition(manager);
    if (stored.seq !== from.seq || page.length === 0) return { applied: 0, position: stored, skipped: [] };
    // the feed is gap-free; a page that is not would lose events for good once the cursor passed them
    if (page.some((event, index) => event.seq !== from.seq + index + 1)) throw new Error(`the audit feed page after ${from.seq} is not a gap-free run`);
    const facts = await FactStore.load(manager, page.map((event) => event.ticketId));
    const rollups = new RollupDelta();
    const skipped: PageOutcome['skipped'] = [];
    const projection = { facts, rollups, calendar, timeZone, skipped: (event: FeedEvent, why: string) => skipped.push({ event, why }) };
    for (const wire of page) projectEvent(toFeedEvent(wire), projection);
    await facts.save(manager);
    await writeRollups(manager, rollups);
    const last = page[page.length - 1];
    const position = { seq: last.seq, eventId: last.id };
    await writePosition(manager, position);
    return { applied: page.length, position, skipped };
  });
}
