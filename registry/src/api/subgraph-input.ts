import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { GitContextInput } from '../git/git-context.input';

/** Lower-case codes: composition turns subgraph names into enum values of the supergraph. */
const CODE = /^[a-z][a-z0-9_]{0,39}$/;

@InputType('SubgraphInput')
export class SubgraphInput {
  @Field()
  @Matches(CODE, { message: 'name must be a lower-case code like "water" (letters, digits, _; up to 40)' })
  name: string;

  @Field()
  @Matches(CODE, { message: 'department must be a department code like "water"' })
  department: string;

  @Field()
  @MaxLength(500)
  @Matches(/^https?:\/\/\S+$/, { message: 'routingUrl must be the http(s) URL of the subgraph\'s /graphql endpoint' })
  routingUrl: string;

  @Field()
  @MaxLength(5_000_000)
  sdl: string;

  @Field(() => String, { nullable: true })
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  force?: boolean | null;

  @Field(() => GitContextInput, { nullable: true, description: 'The commit it comes from: kept with the version or the check, shown in history' })
  @IsOptional()
  @ValidateNested()
  git?: GitContextInput | null;
}
