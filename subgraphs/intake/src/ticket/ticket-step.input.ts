import { Field, ID, InputType, Int } from 'type-graphql';

/** What every step on a ticket names: the ticket, and the version the client saw. */
@InputType()
export class TicketStepInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int, { nullable: true, description: 'The ticket version you saw; another one is a CONFLICT' })
  expectedVersion?: number | null;
}
