import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { keysetPage, type PageArgs, pageOf, type PageRequest, readPageRequest } from '../../../../schema/pagination/keyset-page';
import { Assignment } from '../assignment/assignment.entity';
import type { TicketConnection } from './ticket-connection';
import { Ticket } from './ticket.entity';
import type { TicketScope } from './ticket-access';
import type { TicketFilter } from './ticket-filter.input';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

function applyFilter(query: SelectQueryBuilder<Ticket>, filter: TicketFilter | null | undefined, scope: TicketScope): SelectQueryBuilder<Ticket> {
  if (scope.citizenPhone) query.andWhere('t.citizenPhone = :scopePhone', { scopePhone: scope.citizenPhone });
  const departmentCode = scope.departmentCode ?? filter?.departmentCode;
  if (departmentCode) {
    // subQuery().getQuery() comes in parentheses already: wrapping it again gives EXISTS ((SELECT …)), which SQLite refuses
    const assigned = query.subQuery().select('1').from(Assignment, 'a').where('a.ticketId = t.id AND a.departmentCode = :departmentCode');
    query.andWhere(`EXISTS ${assigned.getQuery()}`, { departmentCode });
  }
  if (!filter) return query;
  if (filter.status?.length) query.andWhere('t.status IN (:...statuses)', { statuses: filter.status });
  if (filter.channel?.length) query.andWhere('t.channel IN (:...channels)', { channels: filter.channel });
  if (filter.categoryCode) query.andWhere('t.categoryCode = :categoryCode', { categoryCode: filter.categoryCode });
  if (filter.createdFrom) query.andWhere('t.createdAt >= :createdFrom', { createdFrom: filter.createdFrom });
  if (filter.createdTo) query.andWhere('t.createdAt < :createdTo', { createdTo: filter.createdTo });
  return query;
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
  return applyFilter(dataSource.getRepository(Ticket).createQueryBuilder('t'), filter, scope);
}

/** One page and one ticket more (to know whether another page follows), forward or backward; its plan is checked with EXPLAIN too. */
export function ticketPageQuery(dataSource: DataSource, filter: TicketFilter | null | undefined, request: PageRequest, scope: TicketScope = {}): SelectQueryBuilder<Ticket> {
  return keysetPage(applyFilter(dataSource.getRepository(Ticket).createQueryBuilder('t'), filter, scope), { at: 't.createdAt', id: 't.id' }, request);
}
