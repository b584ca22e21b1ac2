import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class ReviewKnowledgeDraftInput {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean)
  publish: boolean;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
