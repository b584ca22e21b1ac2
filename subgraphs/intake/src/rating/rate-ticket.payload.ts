import { Field, ObjectType } from 'type-graphql';
import { TicketRating } from './ticket-rating.entity';

@ObjectType()
export class RateTicketPayload {
  @Field(() => TicketRating)
  rating: TicketRating;
}
