import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { DEPARTMENT_ROLES, Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { extendDeadline } from '../deadline/assignment-deadline';
import { Assignment } from './assignment.entity';
import { stepAssignment } from './assignment-transition';

const version = () => Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you saw; another one is a CONFLICT' });

function required(text: string | null | undefined, field: string, what: string): string {
  const trimmed = text?.trim();
  if (!trimmed) throw new BadInputError(`${field} must say ${what}`, field);
  if (trimmed.length > 4000) throw new BadInputError(`${field} must be at most 4000 characters`, field);
  return trimmed;
}

/** A department's steps on a ticket assigned to it, and the centre's steps on the department's part. */
@Resolver(() => Assignment)
export class AssignmentActionsResolver {
  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Assignment, { description: '签收: the department takes the ticket on' })
  acceptAssignment(@Arg('id', () => ID) id: string, @version() expectedVersion: number | null, @Ctx() context: IntakeContext) {
    return stepAssignment(context, id, { transition: 'accept', expectedVersion, changes: () => ({ acceptedAt: new Date() }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Assignment, { description: '退单: not this department\'s to handle; the centre re-dispatches' })
  returnAssignment(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ) {
    const text = required(reason, 'reason', 'why the ticket is not this department\'s');
    return stepAssignment(context, id, { transition: 'return', expectedVersion, reason: text, changes: () => ({ returnReason: text }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Assignment, { description: '派单异议: the department disputes the dispatch, with its reason; a supervisor decides and the deadline runs meanwhile' })
  objectToDispatch(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ) {
    const text = required(reason, 'reason', 'why the dispatch is wrong');
    return stepAssignment(context, id, { transition: 'object', expectedVersion, reason: text, changes: () => ({ returnReason: text }) });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Assignment, { description: "The objection stands: the assignment is returned and the centre re-dispatches the ticket" })
  upholdObjection(@Arg('id', () => ID) id: string, @Arg('note', () => String) note: string, @version() expectedVersion: number | null, @Ctx() context: IntakeContext) {
    const text = required(note, 'note', 'why the objection stands');
    return stepAssignment(context, id, { transition: 'upholdObjection', expectedVersion, reason: text });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Assignment, { description: 'The objection is refused: the department handles it, as accepted, against the same deadline' })
  refuseObjection(@Arg('id', () => ID) id: string, @Arg('note', () => String) note: string, @version() expectedVersion: number | null, @Ctx() context: IntakeContext) {
    const text = required(note, 'note', 'why the department must handle it');
    return stepAssignment(context, id, { transition: 'refuseObjection', expectedVersion, reason: text, changes: (assignment) => ({ acceptedAt: assignment.acceptedAt ?? new Date() }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Assignment, { description: '办理: work has started' })
  startAssignment(@Arg('id', () => ID) id: string, @version() expectedVersion: number | null, @Ctx() context: IntakeContext) {
    return stepAssignment(context, id, { transition: 'start', expectedVersion });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Assignment, { description: '申请延期: ask the centre for more working days' })
  requestExtension(
    @Arg('id', () => ID) id: string,
    @Arg('workingDays', () => Int) workingDays: number,
    @Arg('reason', () => String) reason: string,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ) {
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 30) throw new BadInputError('workingDays must be 1 to 30', 'workingDays');
    const text = required(reason, 'reason', 'why more time is needed');
    return stepAssignment(context, id, {
      transition: 'requestExtension',
      expectedVersion,
      reason: text,
      changes: () => ({ extensionDays: workingDays, extensionReason: text }),
      data: { workingDays },
    });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Assignment, { description: 'Grant the requested extension: the deadline moves by that many working days' })
  grantExtension(@Arg('id', () => ID) id: string, @version() expectedVersion: number | null, @Ctx() context: IntakeContext) {
    return stepAssignment(context, id, {
      transition: 'grantExtension',
      expectedVersion,
      changes: async (assignment) => ({
        deadline: await extendDeadline(context, assignment.deadline, assignment.extensionDays ?? 0),
        extensionsGranted: assignment.extensionsGranted + 1,
        extensionDays: null,
      }),
    });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Assignment, { description: 'Refuse the requested extension; the deadline stays' })
  refuseExtension(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ) {
    const text = required(reason, 'reason', 'why the extension is refused');
    return stepAssignment(context, id, { transition: 'refuseExtension', expectedVersion, reason: text, changes: () => ({ extensionDays: null }) });
  }

  @Authorized(...DEPARTMENT_ROLES)
  @Mutation(() => Assignment, { description: '办理反馈: what the department did' })
  reportResult(
    @Arg('id', () => ID) id: string,
    @Arg('result', () => String) result: string,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ) {
    const text = required(result, 'result', 'what was done');
    return stepAssignment(context, id, { transition: 'reportResult', expectedVersion, reason: text, changes: () => ({ result: text, reportedAt: new Date() }) });
  }

  @Authorized(Role.SUPERVISOR, Role.OPERATOR)
  @Mutation(() => Assignment, { description: '催办: chase the department; counted and recorded' })
  urgeAssignment(@Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() context: IntakeContext) {
    return stepAssignment(context, id, {
      transition: 'urge',
      reason: note?.trim() || null,
      changes: (assignment) => ({ urgeCount: assignment.urgeCount + 1, lastUrgedAt: new Date() }),
    });
  }
}
