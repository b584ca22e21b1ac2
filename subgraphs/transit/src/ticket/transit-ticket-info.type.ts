import { Field, Int, ObjectType } from 'type-graphql';
import type { Point } from '../../../../schema/geo/geo';
import { BusStop } from '../stop/bus-stop.entity';

/** What the bus company knows about a ticket; the fields resolve lazily, batched per request. */
@ObjectType({ description: "The bus company's knowledge about a ticket: the routes it names, the stops near it" })
export class TransitTicketInfo {
  ticketId: string;
  point: Point | null;
  content: string;

  @Field(() => Boolean, { description: 'Whether the ticket has coordinates to look up stops near' })
  located: boolean;
}

@ObjectType({ description: 'A bus stop and how far it is from a place' })
export class NearbyBusStop {
  @Field(() => BusStop)
  stop: BusStop;

  @Field(() => Int, { description: 'Straight-line distance, rounded to the metre' })
  distanceMeters: number;
}
