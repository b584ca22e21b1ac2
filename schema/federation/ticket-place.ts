import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/**
 * What a department's subgraph knows of a ticket before it adds its own view:
 * the key, and the place, which the centre owns (`@external`). A department
 * declares `@ObjectType('Ticket') @Directive('@key(fields: "id")') class Ticket
 * extends TicketPlace {}` and requires the place on its field. Never returned
 * by a resolver itself, so type-graphql emits only the subclasses.
 */
@ObjectType()
export abstract class TicketPlace {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { nullable: true })
  @Directive('@external')
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @Directive('@external')
  longitude?: number | null;
}
