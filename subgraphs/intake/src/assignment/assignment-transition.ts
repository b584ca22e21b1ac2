import type { EntityManager } from 'typeorm';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { inTransaction } from '../../../../schema/database/transaction';
import { updateIfUnchanged } from '../../../../schema/database/versioned-update';
import { TicketStatus } from '../../../../schema/enums';
import { NotFoundError } from '../../../../schema/errors';
import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { DEPARTMENT_ROLES, hasRole } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { ASSIGNMENT_TRANSITIONS, assertAssignmentTransition, type AssignmentTransition } from '../lifecycle/assignment-lifecycle';
import { passResultToRepeats } from '../repeat/follow-primary';
import { Ticket } from '../ticket/ticket.entity';
import { assertExpectedVersion, saveTicketChange } from '../ticket/ticket-transition';
import { Assignment } from './assignment.entity';
import { rollUpTicket } from './ticket-rollup';

export interface AssignmentStep {
  transition: AssignmentTransition;
  expectedVersion?: number | null;
  reason?: string | null;
  /** The fields the step changes besides the status, computed from the current assignment. */
  changes?: (assignment: Assignment, manager: EntityManager) => Partial<Assignment> | Promise<Partial<Assignment>>;
  data?: Record<string, unknown>;
}

/**
 * Takes the write lock on the assignment's ticket before reading the
 * assignment, so steps on the same ticket (two departments reporting at once,
 * or twenty clicks on "accept") run one after the other and each sees what the
 * one before wrote; the ticket's version moves too, so a client holding an
 * older ticket gets CONFLICT.
 */
async function lockTicketOf(manager: EntityManager, assignmentId: string): Promise<void> {
  const owner = await manager.findOne(Assignment, { where: { id: assignmentId }, select: { id: true, ticketId: true } });
  if (!owner) throw new NotFoundError('Assignment', assignmentId);
  await manager.update(Ticket, { id: owner.ticketId }, { updatedAt: new Date(), version: () => 'version + 1' });
}

/**
 * One step of a department's part of a ticket, in one transaction: the state
 * table's check, the version check, the change, the ticket's own state
 * following (all reported → RESULT_REPORTED; all returned → RETURNED), and the
 * audit records of both.
 */
export function stepAssignment(context: IntakeContext, assignmentId: string, step: AssignmentStep): Promise<Assignment> {
  return inTransaction(context.dataSource, async (manager) => {
    await lockTicketOf(manager, assignmentId);
    const assignment = await manager.findOneByOrFail(Assignment, { id: assignmentId });
    if (hasRole(context.actor, ...DEPARTMENT_ROLES) && context.actor.department !== assignment.departmentCode) {
      throw new ForbiddenError(`this assignment belongs to ${assignment.departmentCode}`);
    }
    const label = `Assignment to ${assignment.departmentCode}`;
    assertExpectedVersion(label.toLowerCase(), assignment.version, step.expectedVersion);
    assertAssignmentTransition(assignment.status, step.transition, label);

    const fromState = assignment.status;
    const toState = ASSIGNMENT_TRANSITIONS[step.transition].to ?? assignment.status;
    const changes = { ...(await step.changes?.(assignment, manager)), status: toState };
    const saved = await updateIfUnchanged(manager, Assignment, assignment, changes, label);
    await recordAudit(manager, 'intake', context, {
      ticketId: assignment.ticketId,
      action: `assignment.${step.transition}`,
      entityType: 'Assignment',
      entityId: assignment.id,
      fromState,
      toState,
      reason: step.reason ?? null,
      data: { departmentCode: assignment.departmentCode, ...step.data },
    });

    const ticket = await manager.findOneByOrFail(Ticket, { id: assignment.ticketId });
    const rolled = await rollUpTicket(manager, ticket);
    if (rolled.status !== ticket.status || rolled.deadline?.getTime() !== ticket.deadline?.getTime()) {
      const ticketFrom = ticket.status;
      await saveTicketChange(manager, ticket, rolled);
      if (rolled.status !== ticketFrom) {
        await recordAudit(manager, 'intake', context, {
          ticketId: ticket.id,
          action: `ticket.${rolled.status.toLowerCase()}`,
          entityType: 'Ticket',
          entityId: ticket.id,
          fromState: ticketFrom,
          toState: rolled.status,
        });
        if (rolled.status === TicketStatus.RESULT_REPORTED) await passResultToRepeats(manager, context, ticket);
      }
    }
    return saved;
  });
}
