import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TrailProblem {
  CONTENT_CHANGED = 'CONTENT_CHANGED',
  EVENT_MISSING = 'EVENT_MISSING',
  ORDER_CHANGED = 'ORDER_CHANGED',
}
registerEnumType(TrailProblem, {
  name: 'TrailProblem',
  valuesConfig: {
    CONTENT_CHANGED: { description: "An event's stored content no longer matches its hash (edited, or added outside delivery)" },
    EVENT_MISSING: { description: 'The chain has a gap: an event was deleted' },
    ORDER_CHANGED: { description: 'Events were moved to other places in the chain' },
  },
});

@ObjectType({ description: "The result of recomputing a ticket's hash chain" })
export class TrailVerification {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Boolean, { description: 'Whether every event is present, unchanged and in its place' })
  ok: boolean;

  @Field(() => Int, { description: 'Events stored for the ticket' })
  events: number;

  @Field(() => ID, { nullable: true, description: 'The first event that no longer matches (for a gap: the first event after it)' })
  firstBadEventId: string | null;

  @Field(() => Int, { nullable: true, description: 'Its place in the chain (for a gap: the missing place)' })
  firstBadSeq: number | null;

  @Field(() => TrailProblem, { nullable: true })
  problem: TrailProblem | null;

  @Field(() => String)
  message: string;
}
