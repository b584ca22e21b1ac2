import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The audit service's view of a 12345 ticket: only its key; the trail is added by a field resolver. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Ticket {
  @Field(() => ID)
  id: string;
}
