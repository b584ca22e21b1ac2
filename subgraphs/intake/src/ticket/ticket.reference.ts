import type { IntakeContext } from '../context';
import type { Ticket } from './ticket.entity';

/** How the gateway turns `{ __typename: "Ticket", id }` from another subgraph into a full ticket. */
export function resolveTicketReference(reference: Pick<Ticket, 'id'>, context: IntakeContext): Promise<Ticket | null> {
  return context.loaders.ticketById.load(reference.id);
}
