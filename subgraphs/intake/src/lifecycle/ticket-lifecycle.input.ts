import { Field, InputType } from 'type-graphql';
import { CallbackResult } from '../callback/callback.entity';
import { Supervision } from '../supervision/supervision';
import { TicketStepInput } from '../ticket/ticket-step.input';

@InputType()
export class RecordCallbackInput extends TicketStepInput {
  @Field(() => CallbackResult)
  result: CallbackResult;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class CloseWithExplanationInput extends TicketStepInput {
  @Field(() => String)
  explanation: string;
}

@InputType()
export class SuperviseTicketInput extends TicketStepInput {
  @Field(() => Supervision)
  level: Supervision;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ArchiveTicketInput extends TicketStepInput {}
