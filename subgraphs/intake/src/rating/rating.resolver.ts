import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../../../schema/identity/roles';
import { CallbackResult } from '../callback/callback.entity';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { rateTicket } from './rate-ticket';
import { TicketRating } from './ticket-rating.entity';

@Resolver(() => Ticket)
export class TicketRatingResolver {
  @Authorized(Role.CITIZEN)
  @Mutation(() => TicketRating, { description: "评价: the citizen rates their own closed ticket's result; changeable for RATING_CHANGE_DAYS (7) days" })
  rateTicket(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('rating', () => CallbackResult) rating: CallbackResult,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() context: IntakeContext,
  ): Promise<TicketRating> {
    return rateTicket(context, ticketId, rating, comment, context.config.ratingChangeDays);
  }

  @FieldResolver(() => TicketRating, { nullable: true, description: "The citizen's own rating, once given" })
  rating(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<TicketRating | null> {
    return context.loaders.ratingByTicket.load(ticket.id);
  }
}
