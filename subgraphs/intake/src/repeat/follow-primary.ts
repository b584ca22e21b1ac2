import { randomUUID } from 'node:crypto';
import { type EntityManager, In } from 'typeorm';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { AssignmentStatus, TicketStatus } from '../../../../schema/enums';
import type { RequestContext } from '../../../../schema/request-context';
import { Assignment } from '../assignment/assignment.entity';
import { Department } from '../department/department.entity';
import { CitizenNotice } from '../notice/citizen-notice.entity';
import { Ticket } from '../ticket/ticket.entity';
import { syncTicketDepartments } from '../ticket/ticket-departments';

/** The primary has a result its repeats' citizens can be told: reported, or already closed with it. */
export const HAS_RESULT: readonly TicketStatus[] = [TicketStatus.RESULT_REPORTED, TicketStatus.CLOSED];

interface DepartmentResult {
  departmentCode: string;
  result: string;
}

/** Each department's latest report on the primary: what its repeats' citizens are told. */
async function resultsOf(manager: EntityManager, primaryId: string): Promise<DepartmentResult[]> {
  const reports = await manager.find(Assignment, {
    where: { ticketId: primaryId, status: In([AssignmentStatus.RESULT_REPORTED, AssignmentStatus.FINISHED]) },
    order: { reportedAt: 'DESC' },
  });
  const latest = new Map<string, DepartmentResult>();
  for (const report of reports) if (!latest.has(report.departmentCode) && report.result) latest.set(report.departmentCode, { departmentCode: report.departmentCode, result: report.result });
  return [...latest.values()];
}

/** The notice every repeat of `primary` gets: the departments' results, named as the catalogue names them. */
async function noticeWriter(manager: EntityManager, primary: Ticket, results: DepartmentResult[]): Promise<(repeat: Ticket) => string> {
  const departments = await manager.findBy(Department, { code: In(results.map((entry) => entry.departmentCode)) });
  const named = (code: string) => departments.find((department) => department.code === code);
  const zh = results.map((entry) => `${named(entry.departmentCode)?.nameZh ?? entry.departmentCode}：${entry.result}`).join('；');
  const en = results.map((entry) => `${named(entry.departmentCode)?.nameEn ?? entry.departmentCode}: ${entry.result}`).join('; ');
  return (repeat) =>
    `您反映的问题（工单 ${repeat.number}）与工单 ${primary.number} 为同一问题，已合并办理。办理结果：${zh}。我们将回访您的意见。` +
    `\nYour request ${repeat.number} was the same problem as ticket ${primary.number} and was handled with it. The result: ${en}. We will call you to ask whether you are satisfied.`;
}

/**
 * The primary has its result: every repeat merged into it follows, from
 * MERGED to RESULT_REPORTED, with the primary's result on its own trail and a
 * notice to its citizen, so the centre calls that citizen back too (回访).
 * Runs in the transaction of the step that gave the primary its result.
 */
export async function passResultToRepeats(manager: EntityManager, context: RequestContext, primary: Ticket, only?: Ticket): Promise<number> {
  const repeats = only ? [only] : await manager.findBy(Ticket, { mergedIntoId: primary.id, status: TicketStatus.MERGED });
  if (repeats.length === 0) return 0;
  const results = await resultsOf(manager, primary.id);
  const noticeFor = await noticeWriter(manager, primary, results);
  const now = new Date();
  for (const repeat of repeats) {
    await manager.update(Ticket, { id: repeat.id }, { status: TicketStatus.RESULT_REPORTED, updatedAt: now, version: () => 'version + 1' });
    await syncTicketDepartments(manager, repeat.id, TicketStatus.RESULT_REPORTED);
    await manager.insert(CitizenNotice, { id: randomUUID(), ticketId: repeat.id, phone: repeat.citizenPhone, kind: 'MERGED_RESULT', text: noticeFor(repeat), createdAt: now, sentAt: null });
    await recordAudit(manager, 'intake', context, {
      ticketId: repeat.id,
      action: 'ticket.primary_result',
      entityType: 'Ticket',
      entityId: repeat.id,
      fromState: TicketStatus.MERGED,
      toState: TicketStatus.RESULT_REPORTED,
      data: { primaryTicketId: primary.id, primaryNumber: primary.number, results },
    });
  }
  return repeats.length;
}
