import { Field, ObjectType } from 'type-graphql';
import { Ticket } from './ticket.entity';

/** What every mutation of a ticket answers: the ticket as it left it. */
@ObjectType()
export class TicketPayload {
  @Field(() => Ticket)
  ticket: Ticket;
}

@ObjectType()
export class CreateTicketPayload extends TicketPayload {}

@ObjectType()
export class AnswerTicketPayload extends TicketPayload {}

@ObjectType()
export class DispatchTicketPayload extends TicketPayload {}

@ObjectType()
export class MergeTicketPayload extends TicketPayload {}

@ObjectType()
export class UnmergeTicketPayload extends TicketPayload {}

@ObjectType()
export class RecordCallbackPayload extends TicketPayload {}

@ObjectType()
export class CloseWithExplanationPayload extends TicketPayload {}

@ObjectType()
export class SuperviseTicketPayload extends TicketPayload {}

@ObjectType()
export class ArchiveTicketPayload extends TicketPayload {}

/** The payload of a mutation that changed `ticket`. */
export const ticketPayload = async (ticket: Promise<Ticket>): Promise<TicketPayload> => ({ ticket: await ticket });
