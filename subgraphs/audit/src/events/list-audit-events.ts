import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { keysetPage, type PageArgs, pageOf, readPageRequest } from '../../../../schema/pagination/keyset-page';
import { TrailEvent } from '../trail/trail-event.entity';
import type { AuditEventConnection } from './audit-event-connection';
import type { AuditEventFilter } from './audit-event-filter.input';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

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

/** Keyset pagination: a page costs the same however deep the auditor has paged, forward (older) or backward (newer). */
export async function listAuditEvents(dataSource: DataSource, args: PageArgs & { filter?: AuditEventFilter | null }): Promise<AuditEventConnection> {
  const request = readPageRequest(args, { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
  const rows = await keysetPage(filteredEvents(dataSource, args.filter), { at: 'e.occurredAt', id: 'e.id' }, request).getMany();
  const countMatching = () => filteredEvents(dataSource, args.filter).getCount();
  return { ...pageOf(rows, request, (event) => ({ at: event.occurredAt, id: event.id })), countMatching };
}
