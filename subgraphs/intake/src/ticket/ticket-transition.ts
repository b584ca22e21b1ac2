import type { EntityManager } from 'typeorm';
import type { TicketStatus } from '../../../../schema/enums';
import { updateIfUnchanged } from '../../../../schema/database/versioned-update';
import { IllegalTransitionError, NotFoundError } from '../../../../schema/errors';
import { Ticket } from './ticket.entity';

/** Loads a ticket for a change and refuses the change unless the ticket stands in one of `from`. */
export async function loadTicketFor(manager: EntityManager, ticketId: string, from: readonly TicketStatus[], transition: string): Promise<Ticket> {
  const ticket = await manager.findOneBy(Ticket, { id: ticketId });
  if (!ticket) throw new NotFoundError('Ticket', ticketId);
  if (!from.includes(ticket.status)) throw new IllegalTransitionError(`Ticket ${ticket.number}`, ticket.status, transition);
  return ticket;
}

/** Writes a ticket's new state under the optimistic version check (see updateIfUnchanged). */
export function saveTicketChange(manager: EntityManager, ticket: Ticket, changes: Partial<Ticket>): Promise<Ticket> {
  return updateIfUnchanged(manager, Ticket, ticket, changes, `ticket ${ticket.number}`);
}
