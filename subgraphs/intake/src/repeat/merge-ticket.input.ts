import { Field, ID, InputType } from 'type-graphql';
import { TicketStepInput } from '../ticket/ticket-step.input';

@InputType()
export class MergeTicketInput extends TicketStepInput {
  @Field(() => ID, { description: 'The ticket it repeats (the primary)' })
  intoTicketId: string;

  @Field(() => String)
  reason: string;
}

@InputType()
export class UnmergeTicketInput extends TicketStepInput {
  @Field(() => String)
  reason: string;
}
