import type { DataSource, EntityManager } from 'typeorm';
import type { FeedPage, FeedPosition } from '../../../../schema/audit/audit-feed';
import { inTransaction } from '../../../../schema/database/transaction';
import { AssignmentFact } from '../facts/assignment-fact.entity';
import { FactStore } from '../facts/fact-store';
import { TicketFact } from '../facts/ticket-fact.entity';
import type { CalendarSource } from '../feed/feed-follower';
import { lockPosition, writePosition } from '../feed/feed-position';
import { type FeedEvent, type Projection, toFeedEvent } from '../projection/feed-event';
import { projectEvent } from '../projection/project-event';
import { DepartmentDay } from '../rollup/department-day.entity';
import { DepartmentMonth } from '../rollup/department-month.entity';
import { RollupDelta } from '../rollup/rollup-delta';
import { RollupDay } from '../rollup/rollup-day.entity';
import { writeRollups } from '../rollup/write-rollups';

export interface RebuildOptions {
  /** The page of the feed after a position (the audit service's, or a test's). */
  read(after: FeedPosition): Promise<FeedPage>;
  calendar: CalendarSource;
  timeZone: string;
  log?: (message: string) => void;
}

export interface RebuildReport {
  events: number;
  skipped: number;
  tickets: number;
  assignments: number;
  position: FeedPosition;
}

/** Projects the feed from `position` up to its head into memory; returns where it stopped. */
async function projectFeed(projection: Projection, from: FeedPosition, options: RebuildOptions, counted: { events: number }): Promise<FeedPosition> {
  let position = from;
  for (;;) {
    const page = await options.read(position);
    if (page.events.length === 0) return position;
    const years = page.events.map((event) => new Date(event.occurredAt).getUTCFullYear());
    projection.calendar = await options.calendar.covering(Math.min(...years) - 1, Math.max(...years) + 1);
    for (const event of page.events) projectEvent(toFeedEvent(event), projection);
    const last = page.events[page.events.length - 1];
    position = { seq: last.seq, eventId: last.id };
    counted.events += page.events.length;
    if (counted.events % 50_000 < page.events.length) options.log?.(`${counted.events} events projected (feed at ${position.seq} of ${page.head})`);
  }
}

async function replaceAll(manager: EntityManager, facts: FactStore, rollups: RollupDelta): Promise<void> {
  for (const entity of [RollupDay, DepartmentMonth, DepartmentDay, AssignmentFact, TicketFact]) await manager.createQueryBuilder().delete().from(entity).execute();
  await facts.save(manager);
  await writeRollups(manager, rollups, true);
}

/**
 * `npm run oversight:rebuild`: the facts and rollups made again from every
 * event of the feed, in memory, then swapped in for the stored ones in one
 * transaction that holds the cursor's lock. Events stored while the rebuild
 * read are read under the lock before the swap, so the running service
 * (waiting on the lock meanwhile) goes on exactly where the rebuild stopped.
 */
export async function rebuildOversight(dataSource: DataSource, options: RebuildOptions): Promise<RebuildReport> {
  let skipped = 0;
  const projection: Projection = {
    facts: new FactStore(),
    rollups: new RollupDelta(),
    calendar: await options.calendar.covering(new Date().getUTCFullYear(), new Date().getUTCFullYear()),
    timeZone: options.timeZone,
    skipped: (event: FeedEvent, why: string) => {
      skipped += 1;
      options.log?.(`feed event ${event.seq} (${event.action}, ticket ${event.ticketId}) skipped: ${why}`);
    },
  };
  const counted = { events: 0 };
  const read = await projectFeed(projection, { seq: 0, eventId: null }, options, counted);
  const position = await inTransaction(dataSource, async (manager) => {
    await lockPosition(manager);
    const last = await projectFeed(projection, read, options, counted);
    await replaceAll(manager, projection.facts, projection.rollups);
    await writePosition(manager, last);
    return last;
  });
  return { events: counted.events, skipped, ...projection.facts.size, position };
}
