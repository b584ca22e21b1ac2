import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { keysetPage, type PageArgs, pageOf, type PageRequest, readPageRequest } from '../../../../schema/pagination/keyset-page';
import type { TicketConnection } from './ticket-connection';
import { TicketDepartment } from './ticket-department.entity';
import { Ticket } from './ticket.entity';
import type { TicketScope } from './ticket-access';
import type { TicketFilter } from './ticket-filter.input';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** The list's columns: a department's list reads them from its ticket_department rows, in that table's index order. */
interface ListColumns {
  at: string;
  id: string;
  status: string;
}
const TICKET_COLUMNS: ListColumns = { at: 't.createdAt', id: 't.id', status: 't.status' };
const DEPARTMENT_COLUMNS: ListColumns = { at: 'd.ticketCreatedAt', id: 'd.ticketId', status: 'd.ticketStatus' };

/**
 * The matching tickets as one query. Filtered by department, it is driven by
 * ticket_department (departmentCode, [status,] createdAt, id): the page is the
 * first rows of one index range, each joined to its ticket by primary key, so
 * a page costs the same for the busiest department and the rarest, and for a
 * status of two thirds of all tickets or of a few.
 */
function filteredQuery(dataSource: DataSource, filter: TicketFilter | null | undefined, scope: TicketScope): { query: SelectQueryBuilder<Ticket>; columns: ListColumns } {
  const query = dataSource.getRepository(Ticket).createQueryBuilder('t');
  const departmentCode = scope.departmentCode ?? filter?.departmentCode;
  const columns = departmentCode ? DEPARTMENT_COLUMNS : TICKET_COLUMNS;
  if (departmentCode) query.innerJoin(TicketDepartment, 'd', 'd.ticketId = t.id').andWhere('d.departmentCode = :departmentCode', { departmentCode });
  if (scope.citizenPhone) query.andWhere('t.citizenPhone = :scopePhone', { scopePhone: scope.citizenPhone });
  if (filter?.status?.length) query.andWhere(`${columns.status} IN (:...statuses)`, { statuses: filter.status });
  if (filter?.channel?.length) query.andWhere('t.channel IN (:...channels)', { channels: filter.channel });
  if (filter?.categoryCode) query.andWhere('t.categoryCode = :categoryCode', { categoryCode: filter.categoryCode });
  if (filter?.createdFrom) query.andWhere(`${columns.at} >= :createdFrom`, { createdFrom: filter.createdFrom });
  if (filter?.createdTo) query.andWhere(`${columns.at} < :createdTo`, { createdTo: filter.createdTo });
  return { query, columns };
}

/** Keyset pagination, newest first: a page costs the same however deep the client has paged, in either direction. */
export async function listTickets(dataSource: DataSource, args: PageArgs & { filter?: TicketFilter | null }, scope: TicketScope = {}): Promise<TicketConnection> {
  const request = readPageRequest(args, { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  const rows = await ticketPageQuery(dataSource, args.filter, request, scope).getMany();
  return {
    ...pageOf(rows, request, (ticket) => ({ at: ticket.createdAt, id: ticket.id })),
    countMatching: () => ticketCountQuery(dataSource, args.filter, scope).getCount(),
  };
}

/** The matching tickets, counted; its plan is checked with EXPLAIN (tests/e2e/ticket-list-plans.test.ts). */
export function ticketCountQuery(dataSource: DataSource, filter: TicketFilter | null | undefined, scope: TicketScope = {}): SelectQueryBuilder<Ticket> {
  return filteredQuery(dataSource, filter, scope).query;
}

/** One page and one ticket more (to know whether another page follows), forward or backward; its plan is checked with EXPLAIN too. */
export function ticketPageQuery(dataSource: DataSource, filter: TicketFilter | null | undefined, request: PageRequest, scope: TicketScope = {}): SelectQueryBuilder<Ticket> {
  const { query, columns } = filteredQuery(dataSource, filter, scope);
  return keysetPage(query, columns, request);
}
