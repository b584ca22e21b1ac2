import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { CENTRE_READERS, DEPARTMENT_ROLES, hasRole } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { DUE_SOON_MS } from '../deadline/timing';
import { Assignment } from './assignment.entity';
import { assignmentQueueQuery, departmentBacklogQuery } from './assignment-queue-query';
import { AssignmentQueueFilter } from './assignment-queue.input';

@ObjectType({ description: "One department's open work against its deadlines" })
class DepartmentBacklog {
  @Field(() => String)
  departmentCode: string;

  @Field(() => Int)
  active: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int, { description: 'Due within 24 hours' })
  dueSoon: number;
}

/** Queues for departments and the supervisors' view of what is late. */
@Resolver(() => Assignment)
export class AssignmentQueueResolver {
  @Authorized(...CENTRE_READERS, ...DEPARTMENT_ROLES)
  @Query(() => [Assignment], { description: 'Assignments by deadline, soonest first: a department queue, or everything overdue or at risk' })
  assignments(
    @Ctx() context: IntakeContext,
    @Arg('filter', () => AssignmentQueueFilter, { nullable: true }) filter?: AssignmentQueueFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<Assignment[]> {
    if (first < 1 || first > 200) throw new BadInputError('first must be between 1 and 200', 'first');
    const own = hasRole(context.actor, ...CENTRE_READERS) ? null : context.actor.department;
    if (own && filter?.departmentCode && filter.departmentCode !== own) throw new ForbiddenError(`you may see only ${own}'s queue`);
    const departmentCode = own ?? filter?.departmentCode;
    const now = Date.now();
    // overdue: before now; due within h hours: before now + h (both given: the nearer bound)
    const bounds = [filter?.overdueOnly ? now : null, filter?.dueWithinHours ? now + filter.dueWithinHours * 3600_000 : null].filter((bound): bound is number => bound !== null);
    const deadlineBefore = bounds.length ? new Date(Math.min(...bounds)) : null;
    return assignmentQueueQuery(context.dataSource, { statuses: filter?.status, departmentCode, deadlineBefore, first }).getMany();
  }

  @Authorized(...CENTRE_READERS)
  @Query(() => [DepartmentBacklog], { description: 'Per department: open, overdue and due-soon assignments (one query)' })
  async departmentBacklog(@Ctx() context: IntakeContext): Promise<DepartmentBacklog[]> {
    const now = new Date();
    const rows: { departmentCode: string; active: string; overdue: string; dueSoon: string }[] = await departmentBacklogQuery(
      context.dataSource,
      now,
      new Date(now.getTime() + DUE_SOON_MS),
    ).getRawMany();
    return rows.map((row) => ({ departmentCode: row.departmentCode, active: Number(row.active), overdue: Number(row.overdue), dueSoon: Number(row.dueSoon) }));
  }
}
