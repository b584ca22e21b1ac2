import { ACTIVE_ASSIGNMENT_STATUSES } from '../../../../schema/enums';
import { localDay } from '../../../../schema/time/city-calendar';
import { AssignmentFact } from '../facts/assignment-fact.entity';
import type { TicketFact } from '../facts/ticket-fact.entity';
import { CENTRE } from '../rollup/counters';
import { type FeedEvent, joined, listOf, type Projection, text } from './feed-event';

// the platform's one list of the states a department is still working in: a new state intake adds counts as it says
const OPEN = new Set<string>(ACTIVE_ASSIGNMENT_STATUSES);

/**
 * ticket.dispatched (one per department): the assignment with its deadline.
 * Dispatched for the centre and the department; received by the department
 * the first time the ticket reaches it; re-dispatched when the ticket had
 * come back to the centre because every department returned it.
 */
export function assignmentDispatched(event: FeedEvent, ticket: TicketFact, projection: Projection): void {
  const { facts, rollups, timeZone } = projection;
  const departmentCode = text(event.data?.departmentCode);
  const deadline = new Date(String(event.data?.deadline));
  if (!departmentCode || Number.isNaN(deadline.getTime())) return projection.skipped(event, 'a dispatch without department or deadline');
  if (facts.assignment(event.entityId)) return;
  const firstTime = !facts.assignmentsOf(ticket.ticketId).some((assignment) => assignment.departmentCode === departmentCode);
  facts.addAssignment(
    Object.assign(new AssignmentFact(), {
      assignmentId: event.entityId,
      ticketId: ticket.ticketId,
      departmentCode,
      categoryCode: ticket.categoryCode,
      channel: ticket.channel,
      district: ticket.district,
      status: 'PENDING',
      open: true,
      dispatchedAt: event.occurredAt,
      deadline,
      deadlineDay: localDay(deadline, timeZone),
      pendingExtensionDays: null,
      urged: false,
    }),
  );
  const day = localDay(event.occurredAt, timeZone);
  rollups.count(day, [CENTRE, departmentCode], ticket, 'dispatched');
  if (firstTime) rollups.count(day, [departmentCode], ticket, 'received');
  if (event.fromState === 'RETURNED') rollups.count(day, [CENTRE, departmentCode], ticket, 'redispatched');
}

/** assignment.<step>: the department's part moves on; what counts is counted for the centre and the department. */
export function assignmentStep(event: FeedEvent, ticket: TicketFact, projection: Projection): void {
  const { facts, rollups, timeZone, calendar } = projection;
  const assignment = facts.assignment(event.entityId);
  if (!assignment) return projection.skipped(event, 'a step of an assignment never dispatched');
  const step = event.action.slice('assignment.'.length);
  const day = localDay(event.occurredAt, timeZone);
  const units = [CENTRE, assignment.departmentCode];
  const before = assignment.status;
  if (event.toState) {
    assignment.status = event.toState;
    assignment.open = OPEN.has(event.toState);
  }
  // 退单 by the department's own return, or by an objection a supervisor upheld: either way it came back
  if (event.toState === 'RETURNED' && before !== 'RETURNED') rollups.count(day, units, ticket, 'returned');
  // withdrawn when its ticket was merged into another (并单): a dispatch that was never the department's to finish
  if (event.toState === 'WITHDRAWN' && before !== 'WITHDRAWN') rollups.count(localDay(assignment.dispatchedAt, timeZone), units, ticket, 'dispatched', -1);
  if (step === 'requestExtension') assignment.pendingExtensionDays = typeof event.data?.workingDays === 'number' ? event.data.workingDays : null;
  if (step === 'refuseExtension') assignment.pendingExtensionDays = null;
  if (step === 'grantExtension') {
    // intake's new deadline when the event carries it; otherwise counted as intake counts it
    const given = new Date(String(event.data?.deadline));
    assignment.deadline = Number.isNaN(given.getTime()) ? calendar.addWorkingDays(assignment.deadline, assignment.pendingExtensionDays ?? 0) : given;
    assignment.deadlineDay = localDay(assignment.deadline, timeZone);
    assignment.pendingExtensionDays = null;
    rollups.count(day, units, ticket, 'extended');
  }
  if (step === 'urge' && !assignment.urged) {
    assignment.urged = true;
    rollups.count(day, units, ticket, 'urged');
  }
  if (step === 'reportResult') {
    rollups.count(day, units, ticket, 'resultReported');
    rollups.handled(day, units, ticket, calendar.workingSecondsBetween(assignment.dispatchedAt, event.occurredAt));
    rollups.count(assignment.deadlineDay, units, ticket, event.occurredAt <= assignment.deadline ? 'onTime' : 'overdue');
    ticket.roundDepartments = joined([...listOf(ticket.roundDepartments), assignment.departmentCode]);
    facts.changed(ticket);
  }
  facts.changed(assignment);
}
