import { Field, ObjectType } from 'type-graphql';
import type { Point } from '../../../../schema/geo/geo';

/** What the streetlight administration knows about a ticket; the fields resolve lazily, batched per request. */
@ObjectType({ description: "The streetlight administration's knowledge about a ticket's place" })
export class StreetlightTicketInfo {
  ticketId: string;
  point: Point | null;

  @Field(() => Boolean, { description: 'Whether the ticket has coordinates to look up' })
  located: boolean;
}
