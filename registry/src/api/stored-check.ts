import { Field, ObjectType } from 'type-graphql';
import { CheckResult } from '../checks/check-result';
import { SchemaCheck } from '../checks/schema-check.entity';

@ObjectType('StoredCheck', { description: 'A check as it was answered, with who asked, from which commit, and its result' })
export class StoredCheck extends SchemaCheck {
  @Field(() => CheckResult)
  check: CheckResult;
}
