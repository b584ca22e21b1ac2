import { Field, ObjectType } from 'type-graphql';
import { Assignment } from './assignment.entity';

/** What every step on an assignment answers: the assignment as the step left it. */
@ObjectType()
export class AssignmentPayload {
  @Field(() => Assignment)
  assignment: Assignment;
}

@ObjectType()
export class AcceptAssignmentPayload extends AssignmentPayload {}

@ObjectType()
export class ReturnAssignmentPayload extends AssignmentPayload {}

@ObjectType()
export class ObjectToDispatchPayload extends AssignmentPayload {}

@ObjectType()
export class UpholdObjectionPayload extends AssignmentPayload {}

@ObjectType()
export class RefuseObjectionPayload extends AssignmentPayload {}

@ObjectType()
export class StartAssignmentPayload extends AssignmentPayload {}

@ObjectType()
export class RequestExtensionPayload extends AssignmentPayload {}

@ObjectType()
export class GrantExtensionPayload extends AssignmentPayload {}

@ObjectType()
export class RefuseExtensionPayload extends AssignmentPayload {}

@ObjectType()
export class ReportResultPayload extends AssignmentPayload {}

@ObjectType()
export class UrgeAssignmentPayload extends AssignmentPayload {}
