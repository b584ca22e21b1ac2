import { randomUUID } from 'node:crypto';
import { TicketStatus } from '../../../../schema/enums';
import { finishRound } from '../assignment/ticket-rollup';
import { leavePrimary } from '../repeat/merge-ticket';
import type { IntakeContext } from '../context';
import type { Ticket } from '../ticket/ticket.entity';
import { stepTicket } from '../ticket/ticket-step';
import { Callback, CallbackResult } from './callback.entity';

/** Where the ticket goes after the citizen's answer; an unreachable citizen is called again later. */
const NEXT_STATUS: Record<CallbackResult, TicketStatus> = {
  [CallbackResult.SATISFIED]: TicketStatus.CLOSED,
  [CallbackResult.BASICALLY_SATISFIED]: TicketStatus.CLOSED,
  [CallbackResult.NOT_SATISFIED]: TicketStatus.REOPENED,
  [CallbackResult.UNREACHABLE]: TicketStatus.RESULT_REPORTED,
};

/**
 * 回访: records the call and moves the ticket on, in one transaction with its
 * audit record. A merged repeat's citizen judges the primary's result: content
 * closes the repeat (still linked: it counts once, as a repeat); not content
 * ends the link, and the request is handled on its own from REOPENED.
 */
export function recordCallback(
  context: IntakeContext,
  ticketId: string,
  result: CallbackResult,
  note: string | null,
  expectedVersion: number | null,
): Promise<Ticket> {
  const status = NEXT_STATUS[result];
  return stepTicket(context, ticketId, {
    transition: 'callback',
    expectedVersion,
    reason: note?.trim() || null,
    data: { result },
    apply: async (ticket, manager) => {
      const calledAt = new Date();
      await manager.insert(Callback, { id: randomUUID(), ticketId, result, note: note?.trim() || null, calledBy: context.actor.id, calledAt });
      if (status === TicketStatus.RESULT_REPORTED) return {};
      if (ticket.mergedIntoId && status === TicketStatus.REOPENED) {
        await leavePrimary(manager, context, ticket, note);
        return { status, mergedIntoId: null, deadline: null };
      }
      // the departments' reports answered this round; a reopened ticket starts a new one
      await finishRound(manager, ticketId);
      return status === TicketStatus.CLOSED ? { status, closedAt: calledAt } : { status };
    },
  });
}
