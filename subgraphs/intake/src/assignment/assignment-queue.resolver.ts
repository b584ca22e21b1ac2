import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ACTIVE_ASSIGNMENT_STATUSES } from '../../../../schema/enums';
import { BadInputError } from '../../../../schema/errors';
import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { CENTRE_READERS, DEPARTMENT_ROLES, hasRole } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { DUE_SOON_MS } from '../deadline/timing';
import { Assignment } from './assignment.entity';
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
    const now = new Date();
    const query = context.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .where('a.status IN (:...statuses)', { statuses: filter?.status?.length ? filter.status : ACTIVE_ASSIGNMENT_STATUSES })
      .orderBy('a.deadline', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(first);
    if (departmentCode) query.andWhere('a.departmentCode = :departmentCode', { departmentCode });
    if (filter?.overdueOnly) query.andWhere('a.deadline < :now', { now });
    if (filter?.dueWithinHours) query.andWhere('a.deadline < :horizon', { horizon: new Date(now.getTime() + filter.dueWithinHours * 3600_000) });
    return query.getMany();
  }

  @Authorized(...CENTRE_READERS)
  @Query(() => [DepartmentBacklog], { description: 'Per department: open, overdue and due-soon assignments (one query)' })
  async departmentBacklog(@Ctx() context: IntakeContext): Promise<DepartmentBacklog[]> {
    const now = new Date();
    const rows: { departmentCode: string; active: string; overdue: string; dueSoon: string }[] = await context.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('a.departmentCode', 'departmentCode')
      .addSelect('COUNT(*)', 'active')
      .addSelect('SUM(CASE WHEN a.deadline < :now THEN 1 ELSE 0 END)', 'overdue')
      .addSelect('SUM(CASE WHEN a.deadline >= :now AND a.deadline < :soon THEN 1 ELSE 0 END)', 'dueSoon')
      .where('a.status IN (:...statuses)', { statuses: ACTIVE_ASSIGNMENT_STATUSES })
      .setParameters({ now, soon: new Date(now.getTime() + DUE_SOON_MS) })
      .groupBy('a.departmentCode')
      .orderBy('overdue', 'DESC')
      .getRawMany();
    return rows.map((row) => ({ departmentCode: row.departmentCode, active: Number(row.active), overdue: Number(row.overdue), dueSoon: Number(row.dueSoon) }));
  }
}
