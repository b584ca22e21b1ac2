import { Field, ID, InputType } from 'type-graphql';
import { CallbackResult } from '../callback/callback.entity';

@InputType()
export class RateTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => CallbackResult)
  rating: CallbackResult;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}
