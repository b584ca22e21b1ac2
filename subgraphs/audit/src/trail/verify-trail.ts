import type { DataSource, EntityManager } from 'typeorm';
import type { AnchorLedger } from '../anchor/anchor-ledger';
import { checkAgainstAnchors } from '../anchor/check-anchor';
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

/** The chain on its own, then against the anchors outside the database (when there are any): read the ledger first. */
export function verifyTrail(dataSource: DataSource, ticketId: string, anchors?: AnchorLedger | null): Promise<TrailVerification> {
  return inSnapshot(dataSource, async (manager) => {
    const head = await manager.findOneBy(TrailHead, { ticketId });
    const rows = await manager.find(TrailEvent, { where: { ticketId }, order: { ticketSeq: 'ASC' } });
    return checkAgainstAnchors(verifyChain(ticketId, rows, head), rows, anchors?.pointsOf(ticketId) ?? []);
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

/**
 * Verifies every chain; returns the broken ones (for `npm run audit:verify` and
 * its tests). With anchors, also every anchored ticket the database no longer
 * knows at all: a trail deleted with its head.
 */
export async function verifyAllTrails(dataSource: DataSource, anchors?: AnchorLedger | null): Promise<{ checked: number; broken: TrailVerification[] }> {
  await anchors?.refresh();
  let checked = 0;
  const broken: TrailVerification[] = [];
  const seen = new Set<string>();
  const check = async (ticketId: string) => {
    const result = await verifyTrail(dataSource, ticketId, anchors);
    checked += 1;
    if (!result.ok) broken.push(result);
  };
  for await (const ticketId of allTrailTicketIds(dataSource)) {
    if (anchors) seen.add(ticketId);
    await check(ticketId);
  }
  for (const ticketId of anchors?.tickets() ?? []) if (!seen.has(ticketId)) await check(ticketId);
  return { checked, broken };
}
