import type { EntityManager } from 'typeorm';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { inTransaction } from '../../../../schema/database/transaction';
import type { IntakeContext } from '../context';
import type { TicketTransition } from '../lifecycle/ticket-lifecycle';
import type { Ticket } from './ticket.entity';
import { loadTicketFor, saveTicketChange } from './ticket-transition';

export interface TicketStep {
  transition: TicketTransition;
  expectedVersion?: number | null;
  reason?: string | null;
  /** What the step changes, given the ticket as it stands; may write related rows with the same manager. */
  apply(ticket: Ticket, manager: EntityManager): Promise<Partial<Ticket>> | Partial<Ticket>;
  data?: Record<string, unknown>;
  /** What follows from the saved step in the same transaction, after its audit record (e.g. a merged repeat following its primary). */
  then?(saved: Ticket, manager: EntityManager): Promise<Ticket | void>;
}

/** One step of the centre's on a ticket: state table, version check, change and audit record in one transaction. */
export function stepTicket(context: IntakeContext, ticketId: string, step: TicketStep): Promise<Ticket> {
  return inTransaction(context.dataSource, async (manager) => {
    const ticket = await loadTicketFor(manager, ticketId, step.transition, step.expectedVersion);
    const fromState = ticket.status;
    const changes = await step.apply(ticket, manager);
    const saved = await saveTicketChange(manager, ticket, changes);
    await recordAudit(manager, 'intake', context, {
      ticketId,
      action: `ticket.${step.transition}`,
      entityType: 'Ticket',
      entityId: ticketId,
      fromState,
      toState: saved.status,
      reason: step.reason ?? null,
      data: step.data ?? null,
    });
    return (await step.then?.(saved, manager)) ?? saved;
  });
}
