import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { rateTicket } from './rate-ticket';
import { RateTicketInput } from './rate-ticket.input';
import { RateTicketPayload } from './rate-ticket.payload';
import { TicketRating } from './ticket-rating.entity';

@Resolver(() => Ticket)
export class TicketRatingResolver {
  @Authorized(Role.CITIZEN)
  @Mutation(() => RateTicketPayload, { description: "评价: the citizen rates their own closed ticket's result; changeable for RATING_CHANGE_DAYS (7) days" })
  async rateTicket(@Arg('input', () => RateTicketInput) input: RateTicketInput, @Ctx() context: IntakeContext): Promise<RateTicketPayload> {
    return { rating: await rateTicket(context, input.ticketId, input.rating, input.comment ?? null, context.config.ratingChangeDays) };
  }

  @FieldResolver(() => TicketRating, { nullable: true, description: "The citizen's own rating, once given" })
  rating(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<TicketRating | null> {
    return context.loaders.ratingByTicket.load(ticket.id);
  }
}
