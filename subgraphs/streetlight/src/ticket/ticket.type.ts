import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/** The streetlight administration's view of a 12345 ticket: its place, which the centre owns. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Ticket {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { nullable: true })
  @Directive('@external')
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @Directive('@external')
  longitude?: number | null;
}
