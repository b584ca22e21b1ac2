import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/** The bus company's view of a 12345 ticket: its place and its words, which the centre owns. */
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

  @Field(() => String)
  @Directive('@external')
  content: string;
}
