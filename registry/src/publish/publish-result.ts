import { Field, Int, ObjectType } from 'type-graphql';
import { CheckResult } from '../checks/check-result';

@ObjectType('PublishResult')
export class PublishResult {
  @Field()
  ok: boolean;

  @Field(() => Int, { nullable: true, description: "The subgraph's new version, when the change went through" })
  version: number | null;

  @Field(() => Int, { nullable: true, description: 'The supergraph version the change produced' })
  supergraphVersion: number | null;

  @Field(() => CheckResult)
  check: CheckResult;
}

/** The result of a change that wrote nothing: refused, or only checked. */
export const notRecorded = (check: CheckResult): PublishResult => Object.assign(new PublishResult(), { ok: false, version: null, supergraphVersion: null, check });
