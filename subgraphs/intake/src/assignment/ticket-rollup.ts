import type { EntityManager } from 'typeorm';
import { ACTIVE_ASSIGNMENT_STATUSES, AssignmentStatus, TicketStatus } from '../../../../schema/enums';
import type { Ticket } from '../ticket/ticket.entity';
import { Assignment } from './assignment.entity';

/** The ticket is due when its last active department is due. */
export function latestDeadline(assignments: readonly Assignment[]): Date | null {
  const active = assignments.filter((assignment) => ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status));
  if (active.length === 0) return null;
  return new Date(Math.max(...active.map((assignment) => assignment.deadline.getTime())));
}

/**
 * Where a dispatched ticket stands once one of its departments moved: every
 * department reported → RESULT_REPORTED (the callback is next); every one
 * returned it → RETURNED (the centre re-dispatches); otherwise still
 * DISPATCHED. A ticket with a lead and assisting departments closes only when
 * all of them are done. Reports of an earlier round are FINISHED (see
 * finishRound) and do not count.
 */
export async function rollUpTicket(manager: EntityManager, ticket: Ticket): Promise<Pick<Ticket, 'status' | 'deadline'>> {
  const assignments = await manager.findBy(Assignment, { ticketId: ticket.id });
  const active = assignments.filter((assignment) => ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status));
  const reported = assignments.some((assignment) => assignment.status === AssignmentStatus.RESULT_REPORTED);
  let status = TicketStatus.DISPATCHED;
  if (active.length === 0) status = reported ? TicketStatus.RESULT_REPORTED : TicketStatus.RETURNED;
  return { status, deadline: latestDeadline(assignments) ?? ticket.deadline };
}

/** Ends a round of handling (the ticket closed, or the citizen rejected the result): reports become FINISHED. */
export async function finishRound(manager: EntityManager, ticketId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Assignment)
    .set({ status: AssignmentStatus.FINISHED, updatedAt: new Date(), version: () => 'version + 1' })
    .where('ticketId = :ticketId AND status = :reported', { ticketId, reported: AssignmentStatus.RESULT_REPORTED })
    .execute();
}
