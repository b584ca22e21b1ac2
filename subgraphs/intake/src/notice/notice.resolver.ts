import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { CitizenNotice } from './citizen-notice.entity';

@Resolver(() => Ticket)
export class TicketNoticesResolver {
  @FieldResolver(() => [CitizenNotice], { description: "Messages to the ticket's citizen (短信告知), oldest first; whoever may see the ticket sees them" })
  notices(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<CitizenNotice[]> {
    return context.loaders.noticesByTicket.load(ticket.id);
  }
}
