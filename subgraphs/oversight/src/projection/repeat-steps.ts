import { localDay } from '../../../../schema/time/city-calendar';
import type { TicketFact } from '../facts/ticket-fact.entity';
import { CENTRE } from '../rollup/counters';
import { type FeedEvent, type Projection, text } from './feed-event';

/**
 * Moves a repeat's receipt between received and repeated (by = 1 merges, −1
 * undoes): for the centre on the day it was received, and for each department
 * it had reached on the day it first did, where each one counted it received.
 */
function moveReceipt(repeat: TicketFact, by: 1 | -1, fallbackDay: string, projection: Projection): void {
  const { rollups, facts, timeZone } = projection;
  const centreDay = repeat.receivedDay ?? fallbackDay;
  rollups.count(centreDay, [CENTRE], repeat, 'received', -by);
  rollups.count(centreDay, [CENTRE], repeat, 'repeated', by);
  const firstReached = new Map<string, Date>();
  for (const assignment of facts.assignmentsOf(repeat.ticketId)) {
    const known = firstReached.get(assignment.departmentCode);
    if (!known || assignment.dispatchedAt < known) firstReached.set(assignment.departmentCode, assignment.dispatchedAt);
  }
  for (const [departmentCode, at] of firstReached) {
    const day = localDay(at, timeZone);
    rollups.count(day, [departmentCode], repeat, 'received', -by);
    rollups.count(day, [departmentCode], repeat, 'repeated', by);
  }
}

/** ticket.merge (并单), on the repeat's trail: from now on it counts as a repeat of its primary. */
export function ticketMerged(event: FeedEvent, repeat: TicketFact, projection: Projection): void {
  const primaryId = text(event.data?.intoTicketId);
  if (!primaryId) return projection.skipped(event, 'a merge without the ticket merged into');
  if (repeat.repeatOf) return;
  repeat.repeatOf = primaryId;
  moveReceipt(repeat, 1, localDay(event.occurredAt, projection.timeZone), projection);
}

/**
 * The repeat no longer follows its primary: the merge undone (ticket.unmerge),
 * or its citizen not content with the primary's result (a callback that
 * reopens it); it counts as a request of its own again.
 */
export function repeatLeft(event: FeedEvent, repeat: TicketFact, projection: Projection): void {
  if (!repeat.repeatOf) return;
  moveReceipt(repeat, -1, localDay(event.occurredAt, projection.timeZone), projection);
  repeat.repeatOf = null;
}
