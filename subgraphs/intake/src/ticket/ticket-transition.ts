import type { EntityManager } from 'typeorm';
import { updateIfUnchanged } from '../../../../schema/database/versioned-update';
import { ConflictError, NotFoundError } from '../../../../schema/errors';
import { assertTicketTransition, type TicketTransition } from '../lifecycle/ticket-lifecycle';
import { Ticket } from './ticket.entity';
import { syncTicketDepartments } from './ticket-departments';

/**
 * Loads a ticket for a transition: refuses it with CONFLICT when the caller saw
 * another version than the stored one, and with ILLEGAL_TRANSITION when the
 * state table does not allow the transition from where the ticket stands.
 */
export async function loadTicketFor(
  manager: EntityManager,
  ticketId: string,
  transition: TicketTransition,
  expectedVersion?: number | null,
): Promise<Ticket> {
  const ticket = await manager.findOneBy(Ticket, { id: ticketId });
  if (!ticket) throw new NotFoundError('Ticket', ticketId);
  assertExpectedVersion(`ticket ${ticket.number}`, ticket.version, expectedVersion);
  assertTicketTransition(ticket.status, transition, `Ticket ${ticket.number}`);
  return ticket;
}

export function assertExpectedVersion(what: string, actual: number, expected?: number | null): void {
  if (expected != null && expected !== actual) {
    throw new ConflictError(`${what} is at version ${actual}, not ${expected}: someone changed it; reload it and try again`);
  }
}

/** Writes a ticket's new state under the optimistic version check (see updateIfUnchanged), its status also on its department rows. */
export async function saveTicketChange(manager: EntityManager, ticket: Ticket, changes: Partial<Ticket>): Promise<Ticket> {
  const statusBefore = ticket.status;
  const saved = await updateIfUnchanged(manager, Ticket, ticket, changes, `ticket ${ticket.number}`);
  if (changes.status !== undefined && changes.status !== statusBefore) await syncTicketDepartments(manager, ticket.id, changes.status);
  return saved;
}
