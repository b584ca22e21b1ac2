import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { ACTIVE_ASSIGNMENT_STATUSES, AssignmentStatus, TicketStatus } from '../../../../schema/enums';
import { BadInputError } from '../../../../schema/errors';
import type { IntakeContext } from '../context';
import { dispatchDeadline } from '../deadline/assignment-deadline';
import { Department } from '../department/department.entity';
import type { Ticket } from '../ticket/ticket.entity';
import { recordTicketDepartments } from '../ticket/ticket-departments';
import { loadTicketFor, saveTicketChange } from '../ticket/ticket-transition';
import { Assignment } from './assignment.entity';
import { latestDeadline } from './ticket-rollup';
import type { DispatchTicketInput } from './dispatch.input';
import { inTransaction } from '../../../../schema/database/transaction';

/**
 * Dispatches a ticket (转办): one assignment per department, each with a
 * deadline in working days, the ticket marked DISPATCHED, and an audit record
 * for each, all in one transaction. A dispatched ticket may take more
 * departments, a returned or reopened one goes out again; a closed one may not.
 */
export async function dispatchTicket(input: DispatchTicketInput, context: IntakeContext): Promise<Ticket> {
  const codes = [...new Set(input.departmentCodes.map((code) => code.trim()))];
  if (codes.length !== input.departmentCodes.length) throw new BadInputError('departmentCodes names a department twice', 'departmentCodes');
  return inTransaction(context.dataSource, async (manager) => {
    const ticket = await loadTicketFor(manager, input.ticketId, 'dispatch', input.expectedVersion);
    const known = await manager.findBy(Department, { code: In(codes) });
    const unknown = codes.filter((code) => !known.some((department) => department.code === code));
    if (unknown.length) throw new BadInputError(`unknown department ${unknown.join(', ')}`, 'departmentCodes');
    const retired = known.filter((department) => !department.active).map((department) => department.code);
    if (retired.length) throw new BadInputError(`department ${retired.join(', ')} is retired; dispatch to its successor`, 'departmentCodes');
    // returned and reported assignments are history: a reopened ticket may go back to the same department
    const existing = await manager.findBy(Assignment, { ticketId: ticket.id, status: In([...ACTIVE_ASSIGNMENT_STATUSES]) });
    const again = codes.filter((code) => existing.some((assignment) => assignment.departmentCode === code));
    if (again.length) throw new BadInputError(`ticket is already assigned to ${again.join(', ')}`, 'departmentCodes');

    const fromState = ticket.status;
    const now = new Date();
    const deadline = await dispatchDeadline(context, manager, ticket, now);
    const hasLead = existing.some((assignment) => assignment.lead);
    const assignments = codes.map((departmentCode, index) =>
      manager.create(Assignment, {
        id: randomUUID(),
        ticketId: ticket.id,
        departmentCode,
        lead: !hasLead && index === 0,
        status: AssignmentStatus.PENDING,
        note: input.note?.trim() || null,
        dispatchedAt: now,
        deadline,
        updatedAt: now,
      }),
    );
    const latest = latestDeadline([...existing, ...assignments]);
    // claim the ticket first: a concurrent dispatch then waits on its row lock and loses the version check cleanly
    const saved = await saveTicketChange(manager, ticket, { status: TicketStatus.DISPATCHED, deadline: latest });
    await manager.insert(Assignment, assignments);
    await recordTicketDepartments(manager, saved, codes);
    for (const assignment of assignments) {
      await recordAudit(manager, 'intake', context, {
        ticketId: ticket.id,
        action: 'ticket.dispatched',
        entityType: 'Assignment',
        entityId: assignment.id,
        fromState,
        toState: TicketStatus.DISPATCHED,
        reason: assignment.note,
        data: { departmentCode: assignment.departmentCode, lead: assignment.lead, deadline: deadline.toISOString() },
      });
    }
    return saved;
  });
}
