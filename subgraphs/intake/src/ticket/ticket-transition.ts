import type { EntityManager } from 'typeorm';
import type { TicketStatus } from '../../../../schema/enums';
import { ConflictError, IllegalTransitionError, NotFoundError } from '../../../../schema/errors';
import { Ticket } from './ticket.entity';

/** Loads a ticket for a change and refuses the change unless the ticket stands in one of `from`. */
export async function loadTicketFor(manager: EntityManager, ticketId: string, from: readonly TicketStatus[], transition: string): Promise<Ticket> {
  const ticket = await manager.findOneBy(Ticket, { id: ticketId });
  if (!ticket) throw new NotFoundError('Ticket', ticketId);
  if (!from.includes(ticket.status)) throw new IllegalTransitionError(`Ticket ${ticket.number}`, ticket.status, transition);
  return ticket;
}

/**
 * Writes a ticket's new state only if nobody changed it since it was read
 * (optimistic version check); otherwise the caller's transaction fails with
 * CONFLICT and nothing is written.
 */
export async function saveTicketChange(manager: EntityManager, ticket: Ticket, changes: Partial<Ticket>): Promise<Ticket> {
  const updatedAt = new Date();
  const result = await manager
    .createQueryBuilder()
    .update(Ticket)
    .set({ ...changes, updatedAt, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: ticket.id, version: ticket.version })
    .execute();
  if (result.affected !== 1) {
    throw new ConflictError(`ticket ${ticket.number} was changed by someone else; reload it and try again`);
  }
  return Object.assign(ticket, changes, { updatedAt, version: ticket.version + 1 });
}
