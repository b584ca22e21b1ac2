import { FieldResolver, Resolver, Root } from 'type-graphql';
import { TicketStatus } from '../../../../schema/enums';
import { Timing, timingOf } from '../deadline/timing';
import { Ticket } from './ticket.entity';

/** While departments work on it, a ticket runs against its latest department deadline. */
const RUNNING: readonly TicketStatus[] = [TicketStatus.DISPATCHED];

@Resolver(() => Ticket)
export class TicketTimingResolver {
  @FieldResolver(() => Timing, { description: 'Overdue, due soon, time remaining' })
  timing(@Root() ticket: Ticket): Timing {
    return timingOf(ticket.deadline, RUNNING.includes(ticket.status));
  }
}
