import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { Callback } from './callback.entity';

@Resolver(() => Ticket)
export class TicketCallbacksResolver {
  @FieldResolver(() => [Callback], { description: 'Callbacks to the citizen (回访), oldest first' })
  callbacks(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<Callback[]> {
    return context.loaders.callbacksByTicket.load(ticket.id);
  }
}
