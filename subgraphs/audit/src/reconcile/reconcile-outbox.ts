import { Brackets, type DataSource, In } from 'typeorm';
import { AuditEvent } from '../../../../schema/audit/audit-event.entity';
import { TrailEvent } from '../trail/trail-event.entity';

export interface Reconciliation {
  subgraph: string;
  from: Date;
  to: Date;
  /** Events in the subgraph's outbox in the window. */
  recorded: number;
  /** Of those, not yet confirmed by the audit service: on their way, not missing. */
  waiting: number;
  /** Confirmed as delivered, yet not in the trail: lost or deleted here. */
  missing: { id: string; ticketId: string }[];
  /** In the trail as this subgraph's, yet not in its outbox: added here, or deleted from the outbox. */
  extra: { id: string; ticketId: string }[];
  missingCount: number;
  extraCount: number;
}

const PAGE = 500;
/** How many missing or extra events a report names; the counts are always whole. */
export const NAMED_AT_MOST = 100;

type Row = { id: string; ticketId: string; occurredAt: Date };

/** A window's rows of one subgraph, oldest first, a page at a time (keyset: memory stays flat however long the window). */
async function* pages<T extends Row>(dataSource: DataSource, entity: new () => T, subgraph: string, from: Date, to: Date): AsyncGenerator<T[]> {
  let last: Row | null = null;
  for (;;) {
    const query = dataSource
      .getRepository(entity)
      .createQueryBuilder('e')
      .where('e.subgraph = :subgraph AND e.occurredAt >= :from AND e.occurredAt < :to', { subgraph, from, to })
      .orderBy('e.occurredAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(PAGE);
    if (last) {
      const after = last;
      query.andWhere(new Brackets((w) => w.where('e.occurredAt > :at', { at: after.occurredAt }).orWhere('(e.occurredAt = :at AND e.id > :id)', { id: after.id })));
    }
    const page = await query.getMany();
    if (page.length) yield page;
    if (page.length < PAGE) return;
    last = page[page.length - 1];
  }
}

async function present(dataSource: DataSource, entity: typeof AuditEvent | typeof TrailEvent, ids: string[]): Promise<Set<string>> {
  const rows = await dataSource.getRepository<{ id: string }>(entity).find({ select: { id: true }, where: { id: In(ids) } });
  return new Set(rows.map((row) => row.id));
}

/**
 * Compares one subgraph's outbox with the trail over [from, to), both ways.
 * The outbox is read before the trail: a relay marks an event delivered only
 * after the audit service committed it, so a delivered event is never missed
 * by a race, and an outbox row exists before it is ever sent.
 */
export async function reconcileOutbox(outbox: DataSource, trail: DataSource, subgraph: string, from: Date, to: Date): Promise<Reconciliation> {
  const result: Reconciliation = { subgraph, from, to, recorded: 0, waiting: 0, missing: [], extra: [], missingCount: 0, extraCount: 0 };
  for await (const page of pages(outbox, AuditEvent, subgraph, from, to)) {
    result.recorded += page.length;
    result.waiting += page.filter((event) => !event.deliveredAt).length;
    const stored = await present(trail, TrailEvent, page.map((event) => event.id));
    for (const event of page) {
      if (!event.deliveredAt || stored.has(event.id)) continue;
      if (result.missingCount++ < NAMED_AT_MOST) result.missing.push({ id: event.id, ticketId: event.ticketId });
    }
  }
  for await (const page of pages(trail, TrailEvent, subgraph, from, to)) {
    const recorded = await present(outbox, AuditEvent, page.map((event) => event.id));
    for (const event of page) {
      if (!recorded.has(event.id) && result.extraCount++ < NAMED_AT_MOST) result.extra.push({ id: event.id, ticketId: event.ticketId });
    }
  }
  return result;
}
