import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class AnswerTicketInput {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  answer: string;

  @Field(() => ID, { nullable: true, description: 'The knowledge-base article the answer came from' })
  articleId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you saw; another one is a CONFLICT' })
  expectedVersion?: number | null;
}
