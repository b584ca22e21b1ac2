import type { DataSource, EntityManager } from 'typeorm';
import { TrailEvent } from './trail-event.entity';
import { TrailHead } from './trail-head.entity';
import type { TrailVerification } from './trail-verification.type';
import { verifyChain } from './verify-chain';

/**
 * Reads the head and the rows from one snapshot: read apart, a delivery
 * committing in between would look like a cut or an added event.
 */
function inSnapshot<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.options.type === 'mysql' ? dataSource.transaction('REPEATABLE READ', work) : dataSource.transaction(work);
}

export function verifyTrail(dataSource: DataSource, ticketId: string): Promise<TrailVerification> {
  return inSnapshot(dataSource, async (manager) => {
    const head = await manager.findOneBy(TrailHead, { ticketId });
    const rows = await manager.find(TrailEvent, { where: { ticketId }, order: { ticketSeq: 'ASC' } });
    return verifyChain(ticketId, rows, head);
  });
}

/**
 * Every ticket the audit service holds anything for, a page at a time: from
 * the heads (which outlive deleted events) and the events (which outlive a
 * deleted head).
 */
export async function* allTrailTicketIds(dataSource: DataSource, pageSize = 500): AsyncGenerator<string> {
  const sql = `SELECT ticketId FROM (SELECT ticketId FROM trail_head UNION SELECT ticketId FROM trail_event) ids
    WHERE ticketId > ? ORDER BY ticketId LIMIT ?`;
  let after = '';
  for (;;) {
    const page: { ticketId: string }[] = await dataSource.query(sql, [after, pageSize]);
    for (const { ticketId } of page) yield ticketId;
    if (page.length < pageSize) return;
    after = page[page.length - 1].ticketId;
  }
}

/** Verifies every chain; returns the broken ones (for `npm run audit:verify` and its tests). */
export async function verifyAllTrails(dataSource: DataSource): Promise<{ checked: number; broken: TrailVerification[] }> {
  let checked = 0;
  const broken: TrailVerification[] = [];
  for await (const ticketId of allTrailTicketIds(dataSource)) {
    const result = await verifyTrail(dataSource, ticketId);
    checked += 1;
    if (!result.ok) broken.push(result);
  }
  return { checked, broken };
}
