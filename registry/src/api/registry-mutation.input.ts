import { Field, InputType, Int } from 'type-graphql';

@InputType('RollbackSubgraphInput')
export class RollbackSubgraphInput {
  @Field()
  name: string;

  @Field(() => Int, { description: 'The earlier version whose SDL and URL are published again' })
  version: number;

  @Field()
  reason: string;
}

@InputType('RemoveSubgraphInput')
export class RemoveSubgraphInput {
  @Field()
  name: string;

  @Field()
  reason: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  force?: boolean | null;
}
