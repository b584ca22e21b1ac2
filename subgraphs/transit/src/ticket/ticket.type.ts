import { Directive, Field, ObjectType } from 'type-graphql';
import { TicketPlace } from '../../../../schema/federation/ticket-place';

/** The bus company's view of a 12345 ticket: its place and its words, which the centre owns. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Ticket extends TicketPlace {
  @Field(() => String)
  @Directive('@external')
  content: string;
}
