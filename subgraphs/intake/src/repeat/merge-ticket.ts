import { type EntityManager, In } from 'typeorm';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { ACTIVE_ASSIGNMENT_STATUSES, AssignmentStatus, TicketStatus } from '../../../../schema/enums';
import { BadInputError, IllegalTransitionError, NotFoundError } from '../../../../schema/errors';
import { Assignment } from '../assignment/assignment.entity';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { stepTicket } from '../ticket/ticket-step';
import { HAS_RESULT, passResultToRepeats } from './follow-primary';

const needsReason = (reason: string) => {
  const text = reason.trim();
  if (text.length < 4) throw new BadInputError('say why, in a few words, these are the same problem (or why not)', 'reason');
  return text;
};

/**
 * 并单: `ticketId` repeats `intoTicketId`'s problem. The repeat leaves the
 * departments' queues (its running assignments are withdrawn), follows the
 * primary from now on, and both trails show the merge; one transaction. A
 * ticket that others were merged into, or one merged already, is not merged
 * (no chains); the primary may be open or recently closed. A primary that has
 * its result already passes it on at once (follow-primary.ts).
 */
export function mergeTicket(context: IntakeContext, ticketId: string, intoTicketId: string, reason: string, expectedVersion: number | null): Promise<Ticket> {
  const why = needsReason(reason);
  let primary: Ticket;
  return stepTicket(context, ticketId, {
    transition: 'merge',
    expectedVersion,
    reason: why,
    data: { intoTicketId },
    apply: async (ticket, manager) => {
      if (intoTicketId === ticketId) throw new BadInputError('a ticket cannot be merged into itself', 'intoTicketId');
      const found = await manager.findOneBy(Ticket, { id: intoTicketId });
      if (!found) throw new NotFoundError('Ticket', intoTicketId);
      primary = found;
      if (primary.mergedIntoId) throw new BadInputError(`ticket ${primary.number} is itself merged into another; merge into that one`, 'intoTicketId');
      if (primary.status === TicketStatus.ARCHIVED) throw new BadInputError(`ticket ${primary.number} is archived`, 'intoTicketId');
      if (await manager.existsBy(Ticket, { mergedIntoId: ticketId })) throw new BadInputError(`others were merged into ticket ${ticket.number}: merge those into ${primary.number} first, or merge ${primary.number} into it`, 'ticketId');
      const running = await manager.findBy(Assignment, { ticketId, status: In([...ACTIVE_ASSIGNMENT_STATUSES]) });
      for (const assignment of running) {
        await manager.update(Assignment, { id: assignment.id }, { status: AssignmentStatus.WITHDRAWN, updatedAt: new Date(), version: () => 'version + 1' });
        await recordAudit(manager, 'intake', context, {
          ticketId,
          action: 'assignment.withdraw',
          entityType: 'Assignment',
          entityId: assignment.id,
          fromState: assignment.status,
          toState: AssignmentStatus.WITHDRAWN,
          reason: `merged into ${primary.number}`,
          data: { departmentCode: assignment.departmentCode, intoTicketId },
        });
      }
      // the primary's trail shows it gained a repeat
      await recordAudit(manager, 'intake', context, {
        ticketId: primary.id,
        action: 'ticket.repeat_merged',
        entityType: 'Ticket',
        entityId: primary.id,
        fromState: primary.status,
        toState: primary.status,
        reason: why,
        data: { repeatTicketId: ticketId, repeatNumber: ticket.number },
      });
      return { status: TicketStatus.MERGED, mergedIntoId: primary.id };
    },
    then: async (merged, manager) => {
      if (!HAS_RESULT.includes(primary.status)) return;
      await passResultToRepeats(manager, context, primary, merged);
      return manager.findOneByOrFail(Ticket, { id: ticketId });
    },
  });
}

/**
 * Undoes a wrong merge: the ticket is handled on its own again, from the start
 * (its withdrawn assignments stay history); also after it took the primary's
 * result, until its citizen was called back.
 */
export function unmergeTicket(context: IntakeContext, ticketId: string, reason: string, expectedVersion: number | null): Promise<Ticket> {
  const why = needsReason(reason);
  return stepTicket(context, ticketId, {
    transition: 'unmerge',
    expectedVersion,
    reason: why,
    apply: async (ticket, manager) => {
      if (!ticket.mergedIntoId) throw new IllegalTransitionError(`Ticket ${ticket.number}`, `${ticket.status} and merged into none`, 'unmerge');
      await leavePrimary(manager, context, ticket, why);
      return { status: TicketStatus.RECEIVED, mergedIntoId: null, deadline: null };
    },
  });
}

/** The primary's trail shows that a repeat no longer follows it (undone, or its citizen not content with the result). */
export async function leavePrimary(manager: EntityManager, context: IntakeContext, repeat: Ticket, reason: string | null): Promise<void> {
  const primary = repeat.mergedIntoId ? await manager.findOneBy(Ticket, { id: repeat.mergedIntoId }) : null;
  if (!primary) return;
  await recordAudit(manager, 'intake', context, {
    ticketId: primary.id,
    action: 'ticket.repeat_unmerged',
    entityType: 'Ticket',
    entityId: primary.id,
    fromState: primary.status,
    toState: primary.status,
    reason,
    data: { repeatTicketId: repeat.id, repeatNumber: repeat.number },
  });
}
