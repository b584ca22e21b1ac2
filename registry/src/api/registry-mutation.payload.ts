import { Field, ObjectType } from 'type-graphql';
import { CheckResult } from '../checks/check-result';
import { PublishResult } from '../publish/publish-result';

@ObjectType('CheckSubgraphPayload')
export class CheckSubgraphPayload {
  @Field(() => CheckResult)
  check: CheckResult;
}

// a change's payload is its PublishResult (ok, version, supergraphVersion, check), one type per mutation
@ObjectType('PublishSubgraphPayload')
export class PublishSubgraphPayload extends PublishResult {}

@ObjectType('RollbackSubgraphPayload')
export class RollbackSubgraphPayload extends PublishResult {}

@ObjectType('RemoveSubgraphPayload')
export class RemoveSubgraphPayload extends PublishResult {}
