import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../../../../schema/errors';
import { Assignment } from '../assignment/assignment.entity';
import { decodeCursor, encodeCursor, type TicketConnection } from './ticket-connection';
import { Ticket } from './ticket.entity';
import type { TicketScope } from './ticket-access';
import type { TicketFilter } from './ticket-filter.input';

export const MAX_PAGE_SIZE = 100;

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

/** Keyset pagination, newest first: a page costs the same however deep the client has paged. */
export async function listTickets(
  dataSource: DataSource,
  args: { filter?: TicketFilter | null; first: number; after?: string | null },
  scope: TicketScope = {},
): Promise<TicketConnection> {
  if (args.first < 1 || args.first > MAX_PAGE_SIZE) throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  const page = ticketPageQuery(dataSource, args, scope);
  const rows = await page.getMany();
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    nodes,
    countMatching: () => ticketCountQuery(dataSource, args.filter, scope).getCount(),
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** The matching tickets, counted; its plan is checked with EXPLAIN (tests/e2e/ticket-list-plans.test.ts). */
export function ticketCountQuery(dataSource: DataSource, filter: TicketFilter | null | undefined, scope: TicketScope = {}): SelectQueryBuilder<Ticket> {
  return applyFilter(dataSource.getRepository(Ticket).createQueryBuilder('t'), filter, scope);
}

/** One page and one ticket more (to know whether another page follows); its plan is checked with EXPLAIN too. */
export function ticketPageQuery(dataSource: DataSource, args: { filter?: TicketFilter | null; first: number; after?: string | null }, scope: TicketScope = {}): SelectQueryBuilder<Ticket> {
  const page = applyFilter(dataSource.getRepository(Ticket).createQueryBuilder('t'), args.filter, scope)
    .orderBy('t.createdAt', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .limit(args.first + 1);
  if (args.after) {
    const position = decodeCursor(args.after);
    page.andWhere(
      new Brackets((where) =>
        where
          .where('t.createdAt < :cursorAt', { cursorAt: position.createdAt })
          .orWhere('(t.createdAt = :cursorAt AND t.id < :cursorId)', { cursorId: position.id }),
      ),
    );
  }
  return page;
}
