import type { DataSource, EntityManager } from 'typeorm';
import type { AuditIngestResult } from '../../../../schema/audit/audit-wire';
import { inTransaction } from '../../../../schema/database/transaction';
import { TrailEvent } from '../trail/trail-event.entity';
import { FEED_HEAD_ID, TrailFeedHead } from '../trail/trail-feed-head.entity';
import { TrailHead } from '../trail/trail-head.entity';
import { chainHash, departmentOf, GENESIS_HASH } from '../trail/trail-hash';
import type { IncomingEvent } from './read-batch';

const INSERT_CHUNK = 200;

type Head = Pick<TrailHead, 'lastSeq' | 'lastHash'>;

/**
 * The delivery's tickets' heads, in one statement: on MariaDB locked (FOR
 * UPDATE, in key order, so two deliveries cannot deadlock on them; SQLite has
 * one writer anyway), so the chain each one ends is the one we extend. A ticket
 * with no head yet (its first events) gets it inserted after the events are
 * chained; another delivery inserting it at the same moment makes ours fail on
 * the key and run again. One statement per delivery instead of two or three per
 * ticket: a delivery of new tickets' `ticket.created` events is the common case.
 */
async function lockHeads(manager: EntityManager, ticketIds: string[]): Promise<Map<string, Head>> {
  const heads = new Map<string, Head>();
  for (let start = 0; start < ticketIds.length; start += 500) {
    const query = manager
      .createQueryBuilder(TrailHead, 'h')
      .where('h.ticketId IN (:...ids)', { ids: ticketIds.slice(start, start + 500) })
      .orderBy('h.ticketId');
    if (manager.connection.options.type === 'mysql') query.setLock('pessimistic_write');
    for (const head of await query.getMany()) heads.set(head.ticketId, head);
  }
  return heads;
}

async function storedIds(manager: EntityManager, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await manager
      .createQueryBuilder(TrailEvent, 'e')
      .select('e.id', 'id')
      .where('e.id IN (:...ids)', { ids: ids.slice(start, start + 500) })
      .getRawMany<{ id: string }>();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/**
 * The feed's end, locked for the rest of the delivery: deliveries that store
 * anything take turns here, so places in the feed are committed in order and
 * a reader never skips one that commits late. Taken before any ticket head,
 * so it cannot deadlock with them.
 */
async function lockFeedHead(manager: EntityManager): Promise<number> {
  await manager.update(TrailFeedHead, { id: FEED_HEAD_ID }, { lastSeq: () => 'lastSeq' });
  return (await manager.findOneByOrFail(TrailFeedHead, { id: FEED_HEAD_ID })).lastSeq;
}

/** Every column is given: not reading the rows back for their defaults saves TypeORM's SELECT after each INSERT. */
async function insertChunked<T extends TrailHead | TrailEvent>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + INSERT_CHUNK) as never).updateEntity(false).execute();
  }
}

/** One delivery, one transaction: each new event is chained onto its ticket's head in the order it arrived. */
async function append(manager: EntityManager, events: IncomingEvent[], now: Date): Promise<AuditIngestResult> {
  let feedSeq = await lockFeedHead(manager);
  const byTicket = new Map<string, IncomingEvent[]>();
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const group = byTicket.get(event.ticketId);
    if (group) group.push(event);
    else byTicket.set(event.ticketId, [event]);
  }
  // heads are locked in one global order, so two deliveries touching the same tickets cannot deadlock
  const ticketIds = [...byTicket.keys()].sort();
  const heads = await lockHeads(manager, ticketIds);
  // checked under the locks: a resent event cannot slip in between the check and the insert
  const stored = await storedIds(manager, [...seen]);

  const rows: TrailEvent[] = [];
  const newHeads: TrailHead[] = [];
  for (const ticketId of ticketIds) {
    const head = heads.get(ticketId) ?? { lastSeq: 0, lastHash: GENESIS_HASH };
    let { lastSeq, lastHash } = head;
    for (const event of byTicket.get(ticketId)!) {
      if (stored.has(event.id)) continue;
      const row = Object.assign(new TrailEvent(), event, {
        department: departmentOf(event.subgraph, event.data),
        ticketSeq: (lastSeq += 1),
        prevHash: lastHash,
        receivedAt: now,
        feedSeq: (feedSeq += 1),
      });
      row.hash = lastHash = chainHash(row.prevHash, row);
      rows.push(row);
    }
    if (lastSeq === head.lastSeq) continue;
    if (!heads.has(ticketId)) newHeads.push(Object.assign(new TrailHead(), { ticketId, lastSeq, lastHash, version: 0, updatedAt: now }));
    else {
      await manager.update(TrailHead, { ticketId }, { lastSeq, lastHash, updatedAt: now, version: () => 'version + 1' });
    }
  }
  await insertChunked(manager, TrailHead, newHeads);
  await insertChunked(manager, TrailEvent, rows);
  if (rows.length) await manager.update(TrailFeedHead, { id: FEED_HEAD_ID }, { lastSeq: feedSeq });
  return { stored: rows.length, duplicates: events.length - rows.length };
}

function isDuplicateKey(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

/** Stores a delivery exactly once per event id; a race on a new ticket's head is settled by running again. */
export async function appendEvents(dataSource: DataSource, events: IncomingEvent[], now = new Date()): Promise<AuditIngestResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inTransaction(dataSource, (manager) => append(manager, events, now));
    } catch (error) {
      if (attempt >= 3 || !isDuplicateKey(error)) throw error;
    }
  }
}
