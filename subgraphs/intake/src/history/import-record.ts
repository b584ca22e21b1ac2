import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type AuditChange, recordAudit } from '../../../../schema/audit/record-audit';
import { AssignmentStatus, TicketStatus } from '../../../../schema/enums';
import { Supervision } from '../supervision/supervision';
import { inTransaction } from '../../../../schema/database/transaction';
import { Assignment } from '../assignment/assignment.entity';
import { Callback, CallbackResult } from '../callback/callback.entity';
import type { IntakeContext } from '../context';
import { dispatchDeadline } from '../deadline/assignment-deadline';
import { Ticket } from '../ticket/ticket.entity';
import { recordTicketDepartments } from '../ticket/ticket-departments';
import { ticketNumbersOf } from '../ticket/ticket-number-blocks';
import { visibleText } from '../ticket/visible-text';
import type { HistoryRecord } from './history-record';
import { ImportedTicket } from './imported-ticket.entity';

/** Why an old hotline's ticket closed without a satisfied callback, in its trail. */
export const CLOSED_AT_SOURCE = 'closed in the source system before it was merged into 12345 (imported history)';

export type ImportOutcome = { kind: 'imported'; ticketId: string; number: string } | { kind: 'already'; ticketId: string };

const text = (value: string | null | undefined) => (value ? visibleText(value) || null : null);

/**
 * Writes one record of an old hotline's history as the ticket it was, with its
 * assignment and callback, and the audit trail a live ticket would have had,
 * each event at its original time (so the oversight figures count it in its
 * own day). All in one transaction, keyed on (sourceSystem, sourceId): a
 * record imported before comes back as `already`, nothing written twice.
 * Validate it first (recordProblems).
 */
export async function importRecord(context: IntakeContext, sourceSystem: string, record: HistoryRecord): Promise<ImportOutcome> {
  const key = { sourceSystem, sourceId: record.sourceId };
  // looked up before a number is taken, so a second run of a file spends none; taken outside the transaction
  // (see create-ticket.ts); a concurrent import of the same record costs one number, lost
  const earlier = await context.dataSource.getRepository(ImportedTicket).findOneBy(key);
  if (earlier) return { kind: 'already', ticketId: earlier.ticketId };
  const number = await ticketNumbersOf(context.dataSource, context.config.timeZone, context.config.ticketNumberBlock).take(record.receivedAt);
  return inTransaction(context.dataSource, async (manager) => {
    const before = await manager.findOneBy(ImportedTicket, key);
    if (before) return { kind: 'already', ticketId: before.ticketId };
    const ticket = await writeTicket(context, manager, number, sourceSystem, record);
    // the key last: a concurrent import of the same record fails on it, and its whole transaction with it
    await manager.insert(ImportedTicket, { sourceSystem, sourceId: record.sourceId, ticketId: ticket.id, importedAt: new Date() });
    return { kind: 'imported', ticketId: ticket.id, number: ticket.number };
  });
}

async function writeTicket(context: IntakeContext, manager: EntityManager, number: string, sourceSystem: string, record: HistoryRecord): Promise<Ticket> {
  const events: Array<[Date, AuditChange]> = [];
  const ticket = manager.create(Ticket, {
    id: randomUUID(),
    number,
    channel: record.channel,
    citizenName: text(record.citizenName),
    citizenPhone: record.citizenPhone ?? null,
    content: visibleText(record.content),
    categoryCode: record.categoryCode,
    address: text(record.address),
    district: record.district ?? null,
    latitude: record.latitude ?? null,
    longitude: record.longitude ?? null,
    status: TicketStatus.RECEIVED,
    answer: null,
    createdAt: record.receivedAt,
    updatedAt: record.receivedAt,
    deadline: null,
    closedAt: null,
    supervision: Supervision.NONE,
    closeExplanation: null,
    answeredArticleId: null,
  });
  const step = (at: Date, change: Omit<AuditChange, 'ticketId'>) => events.push([at, { ticketId: ticket.id, ...change }]);
  const imported = { imported: true, sourceSystem, sourceId: record.sourceId };
  step(record.receivedAt, {
    action: 'ticket.created',
    entityType: 'Ticket',
    entityId: ticket.id,
    toState: TicketStatus.RECEIVED,
    data: { number: ticket.number, channel: ticket.channel, categoryCode: ticket.categoryCode, district: ticket.district, ...imported },
  });

  if (record.answeredAt) {
    Object.assign(ticket, { status: TicketStatus.ANSWERED, answer: text(record.answer) ?? '(imported: answered on the spot)', closedAt: record.answeredAt, updatedAt: record.answeredAt });
    step(record.answeredAt, { action: 'ticket.answer', entityType: 'Ticket', entityId: ticket.id, fromState: TicketStatus.RECEIVED, toState: TicketStatus.ANSWERED, data: imported });
  }

  let assignment: Assignment | null = null;
  if (record.departmentCode && record.dispatchedAt) {
    const deadline = record.deadline ?? (await dispatchDeadline(context, manager, ticket, record.dispatchedAt));
    assignment = manager.create(Assignment, {
      id: randomUUID(),
      ticketId: ticket.id,
      departmentCode: record.departmentCode,
      lead: true,
      status: AssignmentStatus.PENDING,
      note: null,
      dispatchedAt: record.dispatchedAt,
      deadline,
      updatedAt: record.dispatchedAt,
    });
    Object.assign(ticket, { status: TicketStatus.DISPATCHED, deadline, updatedAt: record.dispatchedAt });
    step(record.dispatchedAt, {
      action: 'ticket.dispatched',
      entityType: 'Assignment',
      entityId: assignment.id,
      fromState: TicketStatus.RECEIVED,
      toState: TicketStatus.DISPATCHED,
      data: { departmentCode: record.departmentCode, lead: true, deadline: deadline.toISOString(), ...imported },
    });
  }

  if (assignment && record.reportedAt) {
    const result = text(record.result) ?? '(imported: result not recorded by the source)';
    // the source kept no acceptance: the assignment goes from dispatch to its result, as the source recorded it
    Object.assign(assignment, { status: AssignmentStatus.RESULT_REPORTED, result, reportedAt: record.reportedAt, updatedAt: record.reportedAt });
    step(record.reportedAt, {
      action: 'assignment.reportResult',
      entityType: 'Assignment',
      entityId: assignment.id,
      fromState: AssignmentStatus.PENDING,
      toState: AssignmentStatus.RESULT_REPORTED,
      reason: result,
      data: { departmentCode: assignment.departmentCode, ...imported },
    });
    Object.assign(ticket, { status: TicketStatus.RESULT_REPORTED, updatedAt: record.reportedAt });
    step(record.reportedAt, { action: 'ticket.result_reported', entityType: 'Ticket', entityId: ticket.id, fromState: TicketStatus.DISPATCHED, toState: TicketStatus.RESULT_REPORTED, data: imported });
  }

  let callback: Callback | null = null;
  if (record.callbackResult && record.reportedAt) {
    const calledAt = record.calledAt ?? record.closedAt ?? record.reportedAt;
    const next = record.callbackResult === CallbackResult.NOT_SATISFIED ? TicketStatus.REOPENED : record.callbackResult === CallbackResult.UNREACHABLE ? TicketStatus.RESULT_REPORTED : TicketStatus.CLOSED;
    callback = manager.create(Callback, { id: randomUUID(), ticketId: ticket.id, result: record.callbackResult, note: null, calledBy: `import:${sourceSystem}`, calledAt });
    step(calledAt, { action: 'ticket.callback', entityType: 'Ticket', entityId: ticket.id, fromState: TicketStatus.RESULT_REPORTED, toState: next, data: { result: record.callbackResult, ...imported } });
    Object.assign(ticket, { status: next, updatedAt: calledAt, ...(next === TicketStatus.CLOSED ? { closedAt: calledAt } : {}) });
  }

  if (record.closedAt && ticket.status !== TicketStatus.CLOSED && ticket.status !== TicketStatus.ANSWERED) {
    // closed by the old hotline with no satisfied callback on record: 一单一报, with the reason said
    step(record.closedAt, { action: 'ticket.closeWithExplanation', entityType: 'Ticket', entityId: ticket.id, fromState: ticket.status, toState: TicketStatus.CLOSED, reason: CLOSED_AT_SOURCE, data: imported });
    Object.assign(ticket, { status: TicketStatus.CLOSED, closeExplanation: CLOSED_AT_SOURCE, closedAt: record.closedAt, updatedAt: record.closedAt });
  }

  await manager.insert(Ticket, ticket);
  if (assignment) {
    await manager.insert(Assignment, assignment);
    await recordTicketDepartments(manager, ticket, [assignment.departmentCode]);
  }
  if (callback) await manager.insert(Callback, callback);
  events.sort(([a], [b]) => a.getTime() - b.getTime());
  for (const [at, change] of events) await recordAudit(manager, 'intake', context, change, at);
  return ticket;
}
