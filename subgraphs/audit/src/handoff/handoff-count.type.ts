import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Ticket } from '../ticket/ticket.type';

@ObjectType({ description: 'A ticket passed from department to department (推诿): how often, and between whom' })
export class HandoffCount {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Ticket, { description: 'The ticket itself, from the centre' })
  ticket: Ticket;

  @Field(() => Int, { description: 'Returns plus re-dispatches after the first dispatch' })
  handoffs: number;

  @Field(() => Int, { description: 'Times a department returned it' })
  returns: number;

  @Field(() => Int, { description: 'Dispatch rounds, the first included' })
  dispatches: number;

  @Field(() => [String], { description: 'Departments it was dispatched to or returned by' })
  departments: string[];
}
