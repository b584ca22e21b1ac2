import type { Ticket } from './ticket.type';

/** The gateway sends id plus the @requires fields; that is all this subgraph needs of a ticket. */
export function resolveTicketReference(reference: Ticket): Ticket {
  return reference;
}
