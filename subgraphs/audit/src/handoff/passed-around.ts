import type { DataSource } from 'typeorm';
import { TrailEvent } from '../trail/trail-event.entity';
import type { HandoffCount } from './handoff-count.type';

export const RETURN_ACTION = 'assignment.return';
/**
 * Intake records `ticket.dispatched` once per department of a dispatch, all
 * under one request id, so a dispatch round is a distinct request id.
 * `ticket.dispatch` is what intake's generic ticket step would record, should
 * dispatch ever move onto it.
 */
export const DISPATCH_ACTIONS = ['ticket.dispatched', 'ticket.dispatch'];

const RETURNS = 'SUM(CASE WHEN e.action = :returnAction THEN 1 ELSE 0 END)';
const DISPATCHES = 'COUNT(DISTINCT CASE WHEN e.action IN (:...dispatchActions) THEN e.requestId END)';
// every round after the first is a re-dispatch; a ticket never dispatched has no handoffs (and no returns)
const HANDOFFS = `${RETURNS} + ${DISPATCHES} - 1`;

/** Tickets with at least `minHandoffs` returns and re-dispatches, most passed-around first; counted in SQL. */
export async function passedAroundTickets(dataSource: DataSource, minHandoffs: number, first: number): Promise<HandoffCount[]> {
  const counted = await dataSource
    .getRepository(TrailEvent)
    .createQueryBuilder('e')
    .select('e.ticketId', 'ticketId')
    .addSelect(RETURNS, 'returns')
    .addSelect(DISPATCHES, 'dispatches')
    .addSelect(HANDOFFS, 'handoffs')
    .where('e.action IN (:returnAction, :...dispatchActions)')
    .groupBy('e.ticketId')
    .having(`${HANDOFFS} >= :minHandoffs`)
    .orderBy('handoffs', 'DESC')
    .addOrderBy('e.ticketId', 'ASC')
    .limit(first)
    .setParameters({ returnAction: RETURN_ACTION, dispatchActions: DISPATCH_ACTIONS, minHandoffs })
    .getRawMany<{ ticketId: string; returns: string | number; dispatches: string | number; handoffs: string | number }>();
  if (counted.length === 0) return [];
  const involved = await dataSource
    .getRepository(TrailEvent)
    .createQueryBuilder('e')
    .select('e.ticketId', 'ticketId')
    .addSelect('e.department', 'department')
    .distinct(true)
    .where('e.ticketId IN (:...ticketIds) AND e.action IN (:returnAction, :...dispatchActions)')
    .setParameters({ ticketIds: counted.map((row) => row.ticketId), returnAction: RETURN_ACTION, dispatchActions: DISPATCH_ACTIONS })
    .getRawMany<{ ticketId: string; department: string }>();
  return counted.map((row) => {
    const returns = Number(row.returns);
    const dispatches = Number(row.dispatches);
    const departments = involved.filter((entry) => entry.ticketId === row.ticketId).map((entry) => entry.department);
    return { ticketId: row.ticketId, ticket: { id: row.ticketId }, returns, dispatches, handoffs: Number(row.handoffs), departments: departments.sort() };
  });
}
