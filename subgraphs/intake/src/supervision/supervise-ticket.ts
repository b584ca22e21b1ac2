import { In } from 'typeorm';
import { ACTIVE_ASSIGNMENT_STATUSES } from '../../../../schema/enums';
import { Assignment } from '../assignment/assignment.entity';
import { latestDeadline } from '../assignment/ticket-rollup';
import type { IntakeContext } from '../context';
import { extendDeadline } from '../deadline/assignment-deadline';
import type { Ticket } from '../ticket/ticket.entity';
import { stepTicket } from '../ticket/ticket-step';
import { SUPERVISION_LIMIT_DAYS, type Supervision } from './supervision';

/**
 * Puts a ticket under supervision: every department still working on it must
 * now finish within the level's limit from today, or by its own deadline if
 * that is sooner. Deadlines only ever tighten here.
 */
export function superviseTicket(context: IntakeContext, ticketId: string, level: Supervision, note: string | null, expectedVersion: number | null): Promise<Ticket> {
  return stepTicket(context, ticketId, {
    transition: 'supervise',
    expectedVersion,
    reason: note?.trim() || null,
    data: { level },
    apply: async (_ticket, manager) => {
      const limit = SUPERVISION_LIMIT_DAYS[level];
      const active = await manager.findBy(Assignment, { ticketId, status: In([...ACTIVE_ASSIGNMENT_STATUSES]) });
      if (limit !== null) {
        const tight = await extendDeadline(context, new Date(), limit);
        for (const assignment of active.filter((a) => a.deadline > tight)) {
          assignment.deadline = tight;
          await manager.update(Assignment, { id: assignment.id }, { deadline: tight, updatedAt: new Date(), version: () => 'version + 1' });
        }
      }
      return { supervision: level, ...(active.length ? { deadline: latestDeadline(active) } : {}) };
    },
  });
}
