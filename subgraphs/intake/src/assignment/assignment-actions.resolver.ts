import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { DEPARTMENT_ROLES, Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { extendDeadline } from '../deadline/assignment-deadline';
import { Assignment } from './assignment.entity';
import * as In from './assignment-step.input';
import * as Out from './assignment-step.payload';
import { type AssignmentStep, stepAssignment } from './assignment-transition';

function required(text: string | null | undefined, field: string, what: string): string {
  const trimmed = text?.trim();
  if (!trimmed) throw new BadInputError(`${field} must say ${what}`, field);
  if (trimmed.length > 4000) throw new BadInputError(`${field} must be at most 4000 characters`, field);
  return trimmed;
}

/** The step on the input's assignment, at the version the input saw; answers the assignment's payload. */
async function step(context: IntakeContext, input: In.AssignmentStepInput, options: Omit<AssignmentStep, 'expectedVersion'>): Promise<Out.AssignmentPayload> {
  return { assignment: await stepAssignment(context, input.id, { ...options, expectedVersion: input.expectedVersion }) };
}

/** A department's steps on a ticket assigned to it, and the centre's steps on the department's part. */
@Resolver(() => Assignment)
export class AssignmentActionsResolver {
  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Out.AcceptAssignmentPayload, { description: '签收: the department takes the ticket on' })
  acceptAssignment(@Arg('input', () => In.AcceptAssignmentInput) input: In.AcceptAssignmentInput, @Ctx() context: IntakeContext) {
    return step(context, input, { transition: 'accept', changes: () => ({ acceptedAt: new Date() }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Out.ReturnAssignmentPayload, { description: '退单: not this department\'s to handle; the centre re-dispatches' })
  returnAssignment(@Arg('input', () => In.ReturnAssignmentInput) input: In.ReturnAssignmentInput, @Ctx() context: IntakeContext) {
    const text = required(input.reason, 'reason', 'why the ticket is not this department\'s');
    return step(context, input, { transition: 'return', reason: text, changes: () => ({ returnReason: text }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Out.ObjectToDispatchPayload, { description: '派单异议: the department disputes the dispatch, with its reason; a supervisor decides and the deadline runs meanwhile' })
  objectToDispatch(@Arg('input', () => In.ObjectToDispatchInput) input: In.ObjectToDispatchInput, @Ctx() context: IntakeContext) {
    const text = required(input.reason, 'reason', 'why the dispatch is wrong');
    return step(context, input, { transition: 'object', reason: text, changes: () => ({ returnReason: text }) });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Out.UpholdObjectionPayload, { description: "The objection stands: the assignment is returned and the centre re-dispatches the ticket" })
  upholdObjection(@Arg('input', () => In.UpholdObjectionInput) input: In.UpholdObjectionInput, @Ctx() context: IntakeContext) {
    const text = required(input.note, 'note', 'why the objection stands');
    return step(context, input, { transition: 'upholdObjection', reason: text });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Out.RefuseObjectionPayload, { description: 'The objection is refused: the department handles it, as accepted, against the same deadline' })
  refuseObjection(@Arg('input', () => In.RefuseObjectionInput) input: In.RefuseObjectionInput, @Ctx() context: IntakeContext) {
    const text = required(input.note, 'note', 'why the department must handle it');
    return step(context, input, { transition: 'refuseObjection', reason: text, changes: (assignment) => ({ acceptedAt: assignment.acceptedAt ?? new Date() }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Out.StartAssignmentPayload, { description: '办理: work has started' })
  startAssignment(@Arg('input', () => In.StartAssignmentInput) input: In.StartAssignmentInput, @Ctx() context: IntakeContext) {
    return step(context, input, { transition: 'start' });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Out.RequestExtensionPayload, { description: '申请延期: ask the centre for more working days' })
  requestExtension(@Arg('input', () => In.RequestExtensionInput) input: In.RequestExtensionInput, @Ctx() context: IntakeContext) {
    const { workingDays } = input;
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 30) throw new BadInputError('workingDays must be 1 to 30', 'workingDays');
    const text = required(input.reason, 'reason', 'why more time is needed');
    return step(context, input, {
      transition: 'requestExtension',
      reason: text,
      changes: () => ({ extensionDays: workingDays, extensionReason: text }),
      data: { workingDays },
    });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Out.GrantExtensionPayload, { description: 'Grant the requested extension: the deadline moves by that many working days' })
  grantExtension(@Arg('input', () => In.GrantExtensionInput) input: In.GrantExtensionInput, @Ctx() context: IntakeContext) {
    return step(context, input, {
      transition: 'grantExtension',
      changes: async (assignment) => ({
        deadline: await extendDeadline(context, assignment.deadline, assignment.extensionDays ?? 0),
        extensionsGranted: assignment.extensionsGranted + 1,
        extensionDays: null,
      }),
    });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Out.RefuseExtensionPayload, { description: 'Refuse the requested extension; the deadline stays' })
  refuseExtension(@Arg('input', () => In.RefuseExtensionInput) input: In.RefuseExtensionInput, @Ctx() context: IntakeContext) {
    const text = required(input.reason, 'reason', 'why the extension is refused');
    return step(context, input, { transition: 'refuseExtension', reason: text, changes: () => ({ extensionDays: null }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Out.ReportResultPayload, { description: '办理反馈: what the department did' })
  reportResult(@Arg('input', () => In.ReportResultInput) input: In.ReportResultInput, @Ctx() context: IntakeContext) {
    const text = required(input.result, 'result', 'what was done');
    return step(context, input, { transition: 'reportResult', reason: text, changes: () => ({ result: text, reportedAt: new Date() }) });
  }

  @Authorized(Role.SUPERVISOR, Role.OPERATOR)
  @Mutation(() => Out.UrgeAssignmentPayload, { description: '催办: chase the department; counted and recorded' })
  urgeAssignment(@Arg('input', () => In.UrgeAssignmentInput) input: In.UrgeAssignmentInput, @Ctx() context: IntakeContext) {
    return step(context, { id: input.id }, {
      transition: 'urge',
      reason: input.note?.trim() || null,
      changes: (assignment) => ({ urgeCount: assignment.urgeCount + 1, lastUrgedAt: new Date() }),
    });
  }
}
