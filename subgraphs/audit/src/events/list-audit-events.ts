import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../../../../schema/errors';
import { TrailEvent } from '../trail/trail-event.entity';
import { type AuditEventConnection, decodeCursor, encodeCursor } from './audit-event-connection';
import type { AuditEventFilter } from './audit-event-filter.input';

export const MAX_PAGE_SIZE = 200;

/** Events matching the filter, newest first (occurredAt, then id, so the order is total and pages never overlap). */
export function filteredEvents(dataSource: DataSource, filter: AuditEventFilter | null | undefined): SelectQueryBuilder<TrailEvent> {
  const query = dataSource.getRepository(TrailEvent).createQueryBuilder('e');
  for (const field of ['actorId', 'subgraph', 'department', 'action', 'ticketId'] as const) {
    const value = filter?.[field];
    if (value) query.andWhere(`e.${field} = :${field}`, { [field]: value });
  }
  if (filter?.from) query.andWhere('e.occurredAt >= :from', { from: filter.from });
  if (filter?.to) query.andWhere('e.occurredAt < :to', { to: filter.to });
  return query.orderBy('e.occurredAt', 'DESC').addOrderBy('e.id', 'DESC');
}

/** Keyset pagination: a page costs the same however deep the auditor has paged. */
export async function listAuditEvents(
  dataSource: DataSource,
  args: { filter?: AuditEventFilter | null; first: number; after?: string | null },
): Promise<AuditEventConnection> {
  if (args.first < 1 || args.first > MAX_PAGE_SIZE) throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  const page = filteredEvents(dataSource, args.filter).limit(args.first + 1);
  if (args.after) {
    const position = decodeCursor(args.after);
    page.andWhere(
      new Brackets((where) =>
        where
          .where('e.occurredAt < :cursorAt', { cursorAt: position.occurredAt })
          .orWhere('(e.occurredAt = :cursorAt AND e.id < :cursorId)', { cursorId: position.id }),
      ),
    );
  }
  const rows = await page.getMany();
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  const countMatching = () => filteredEvents(dataSource, args.filter).getCount();
  return { edges, nodes, countMatching, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null } };
}
