import { Field, ID, InputType, Int } from 'type-graphql';

/** What every step on an assignment names: the assignment, and the version the client saw. */
@InputType()
export class AssignmentStepInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you saw; another one is a CONFLICT' })
  expectedVersion?: number | null;
}

/** A step that must say why. */
@InputType()
export class AssignmentReasonInput extends AssignmentStepInput {
  @Field(() => String)
  reason: string;
}

/** A supervisor's decision, with its note. */
@InputType()
export class AssignmentNoteInput extends AssignmentStepInput {
  @Field(() => String)
  note: string;
}

@InputType()
export class AcceptAssignmentInput extends AssignmentStepInput {}

@InputType()
export class StartAssignmentInput extends AssignmentStepInput {}

@InputType()
export class GrantExtensionInput extends AssignmentStepInput {}

@InputType()
export class ReturnAssignmentInput extends AssignmentReasonInput {}

@InputType()
export class ObjectToDispatchInput extends AssignmentReasonInput {}

@InputType()
export class RefuseExtensionInput extends AssignmentReasonInput {}

@InputType()
export class RequestExtensionInput extends AssignmentReasonInput {
  @Field(() => Int)
  workingDays: number;
}

@InputType()
export class UpholdObjectionInput extends AssignmentNoteInput {}

@InputType()
export class RefuseObjectionInput extends AssignmentNoteInput {}

@InputType()
export class ReportResultInput extends AssignmentStepInput {
  @Field(() => String)
  result: string;
}

/** 催办 changes no state, so it asks for no version. */
@InputType()
export class UrgeAssignmentInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
