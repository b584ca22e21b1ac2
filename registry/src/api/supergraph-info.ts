import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SupergraphInfo')
export class SupergraphInfo {
  @Field(() => Int)
  version: number;

  @Field({ description: 'sha256 of the supergraph SDL' })
  id: string;

  @Field(() => [String], { description: 'Names of the subgraphs composed into it' })
  subgraphs: string[];

  @Field({ description: 'The supergraph SDL itself (what `npm run subgraph -- fetch --supergraph` writes)' })
  sdl: string;
}
