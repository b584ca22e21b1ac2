import type { TrailEvent } from '../trail/trail-event.entity';
import { TrailProblem, type TrailVerification } from '../trail/trail-verification.type';
import type { AnchoredPoint } from './anchor-ledger';

type Row = Pick<TrailEvent, 'id' | 'ticketSeq' | 'hash'>;

/**
 * Holds a chain that verified on its own against every anchor that covers the
 * ticket. A chain only ever grows, so each anchored event must still be in its
 * place with the hash it had: one that is not means the chain was rewritten
 * and re-hashed up to it (after the last anchored event that still matches),
 * and a chain shorter than an anchor means events, or the whole trail, were
 * deleted together with the record of the chain's end.
 */
export function checkAgainstAnchors(verification: TrailVerification, rows: Row[], points: AnchoredPoint[]): TrailVerification {
  if (!verification.ok || points.length === 0) return verification;
  const broken = (problem: TrailProblem, firstBadSeq: number, firstBadEventId: string | null, message: string): TrailVerification => ({
    ...verification, ok: false, problem, firstBadSeq, firstBadEventId, message,
  });
  const sorted = [...points].sort((a, b) => a.lastSeq - b.lastSeq);
  let matched: AnchoredPoint | null = null;
  for (const point of sorted) {
    const row = rows[point.lastSeq - 1];
    const anchor = `anchor #${point.anchorSeq} of ${point.at}`;
    if (!row) {
      if (rows.length === 0) {
        return broken(TrailProblem.EVENT_MISSING, 1, null, `the whole trail was deleted: ${point.lastSeq} events were anchored (${anchor}), none are stored`);
      }
      return broken(TrailProblem.EVENT_MISSING, rows.length + 1, null, `events #${rows.length + 1}–#${point.lastSeq} were anchored (${anchor}) and are missing: the end of the chain was cut and its record rewound`);
    }
    if (row.hash !== point.lastHash) {
      const after = matched ? `after event #${matched.lastSeq}, which still matches anchor #${matched.anchorSeq}` : 'from its first event';
      return broken(TrailProblem.CONTENT_CHANGED, point.lastSeq, row.id, `event #${point.lastSeq} (${row.id}) is not the one signed in ${anchor}: the chain was rewritten and re-hashed up to it, ${after}`);
    }
    matched = point;
  }
  const newest = sorted.at(-1)!;
  return { ...verification, message: `${verification.message}; matches the anchored head #${newest.lastSeq} (anchor #${newest.anchorSeq} of ${newest.at})` };
}
