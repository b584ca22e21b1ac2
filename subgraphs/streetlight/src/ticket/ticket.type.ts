import { Directive, ObjectType } from 'type-graphql';
import { TicketPlace } from '../../../../schema/federation/ticket-place';

/** The streetlight administration's view of a 12345 ticket: its place, which the centre owns. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Ticket extends TicketPlace {}
