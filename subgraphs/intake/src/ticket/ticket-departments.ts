import type { EntityManager } from 'typeorm';
import type { TicketStatus } from '../../../../schema/enums';
import { TicketDepartment } from './ticket-department.entity';

/** Notes the departments a ticket goes to (a department it went to before keeps its row). */
export async function recordTicketDepartments(manager: EntityManager, ticket: { id: string; createdAt: Date; status: TicketStatus }, departmentCodes: string[]): Promise<void> {
  if (!departmentCodes.length) return;
  const rows = departmentCodes.map((departmentCode) => ({ ticketId: ticket.id, departmentCode, ticketCreatedAt: ticket.createdAt, ticketStatus: ticket.status }));
  await manager.createQueryBuilder().insert().into(TicketDepartment).values(rows).orIgnore().execute();
}

/** A ticket's new status, on every department row it has: the department lists filter by it. */
export async function syncTicketDepartments(manager: EntityManager, ticketId: string, status: TicketStatus): Promise<void> {
  await manager.update(TicketDepartment, { ticketId }, { ticketStatus: status });
}
