import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ACTIVE_ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../../../schema/enums';
import { Assignment } from './assignment.entity';

export interface QueueSelection {
  statuses?: readonly AssignmentStatus[] | null;
  departmentCode?: string | null;
  /** Only assignments whose deadline is before this instant (overdue, or due within a horizon). */
  deadlineBefore?: Date | null;
  first: number;
}

/**
 * The queue's page, soonest deadline first. Its own function so the EXPLAIN
 * test checks the SQL the resolver runs (tests/e2e/queue-plans.test.ts).
 */
export function assignmentQueueQuery(dataSource: DataSource, selection: QueueSelection): SelectQueryBuilder<Assignment> {
  const query = dataSource
    .getRepository(Assignment)
    .createQueryBuilder('a')
    .where('a.status IN (:...statuses)', { statuses: selection.statuses?.length ? selection.statuses : ACTIVE_ASSIGNMENT_STATUSES })
    .orderBy('a.deadline', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .limit(selection.first);
  if (selection.departmentCode) query.andWhere('a.departmentCode = :departmentCode', { departmentCode: selection.departmentCode });
  if (selection.deadlineBefore) query.andWhere('a.deadline < :deadlineBefore', { deadlineBefore: selection.deadlineBefore });
  return query;
}

/** Per department: open, overdue and due-soon counts, from the (status, deadline, departmentCode) index alone. */
export function departmentBacklogQuery(dataSource: DataSource, now: Date, soon: Date): SelectQueryBuilder<Assignment> {
  return dataSource
    .getRepository(Assignment)
    .createQueryBuilder('a')
    .select('a.departmentCode', 'departmentCode')
    .addSelect('COUNT(*)', 'active')
    .addSelect('SUM(CASE WHEN a.deadline < :now THEN 1 ELSE 0 END)', 'overdue')
    .addSelect('SUM(CASE WHEN a.deadline >= :now AND a.deadline < :soon THEN 1 ELSE 0 END)', 'dueSoon')
    .where('a.status IN (:...statuses)', { statuses: ACTIVE_ASSIGNMENT_STATUSES })
    .setParameters({ now, soon })
    .groupBy('a.departmentCode')
    .orderBy('overdue', 'DESC');
}
