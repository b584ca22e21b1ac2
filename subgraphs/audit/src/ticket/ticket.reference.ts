import type { Ticket } from './ticket.type';

/** The key is all the audit service needs: the trail is looked up by ticket id. */
export function resolveTicketReference(reference: Ticket): Ticket {
  return { id: reference.id };
}
