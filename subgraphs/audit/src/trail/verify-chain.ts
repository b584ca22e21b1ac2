import type { TrailEvent } from './trail-event.entity';
import type { TrailHead } from './trail-head.entity';
import { chainHash, departmentOf, GENESIS_HASH } from './trail-hash';
import { TrailProblem, type TrailVerification } from './trail-verification.type';

type ChainRow = Omit<TrailEvent, 'receivedAt'>;

/**
 * Recomputes a ticket's chain from its stored rows (sorted by ticketSeq) and
 * names the first row that no longer fits. A deleted row shows as a gap in
 * ticketSeq or, if the rest were renumbered, as a prevHash naming no stored
 * event; a prevHash naming another stored event means rows were reordered; a
 * row whose own hash fails was edited. The head catches cuts at the end.
 */
export function verifyChain(ticketId: string, rows: ChainRow[], head: Pick<TrailHead, 'lastSeq' | 'lastHash'> | null): TrailVerification {
  const result = (problem: TrailProblem | null, firstBadSeq: number | null, firstBadEventId: string | null, message: string) => ({
    ticketId, ok: problem === null, events: rows.length, problem, firstBadSeq, firstBadEventId, message,
  });
  const hashes = new Set(rows.map((row) => row.hash));
  let expectedPrev = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    const seq = index + 1;
    if (row.ticketSeq > seq) {
      return result(TrailProblem.EVENT_MISSING, seq, row.id, `event #${seq} is missing: the next stored event is #${row.ticketSeq} (${row.id})`);
    }
    if (row.ticketSeq < seq) return result(TrailProblem.ORDER_CHANGED, row.ticketSeq, row.id, `place #${row.ticketSeq} is taken twice (event ${row.id})`);
    if (chainHash(row.prevHash, row) !== row.hash || row.department !== departmentOf(row.subgraph, row.data)) {
      return result(TrailProblem.CONTENT_CHANGED, seq, row.id, `event #${seq} (${row.id}) was changed after it was stored: its hash no longer matches`);
    }
    if (row.prevHash !== expectedPrev) {
      return hashes.has(row.prevHash)
        ? result(TrailProblem.ORDER_CHANGED, seq, row.id, `event #${seq} (${row.id}) was moved: it was stored after another event than the one now before it`)
        : // or the event before was edited and re-hashed by hand: the chain alone cannot tell which, only that the link broke here
          result(TrailProblem.EVENT_MISSING, seq, row.id, `event #${seq} (${row.id}) no longer links to the one before it: an event between was deleted, or the one before rewritten`);
    }
    expectedPrev = row.hash;
  }
  if (head && head.lastSeq > rows.length) {
    return result(TrailProblem.EVENT_MISSING, rows.length + 1, null, `events #${rows.length + 1}–#${head.lastSeq} at the end of the chain are missing`);
  }
  if (!head && rows.length) {
    const last = rows.at(-1)!;
    return result(TrailProblem.CONTENT_CHANGED, last.ticketSeq, last.id, "the record of the chain's end was deleted");
  }
  if (head && head.lastSeq < rows.length) {
    const extra = rows[head.lastSeq];
    return result(TrailProblem.CONTENT_CHANGED, extra.ticketSeq, extra.id, `event #${extra.ticketSeq} (${extra.id}) was added after the chain's recorded end`);
  }
  if (head && rows.length && head.lastHash !== expectedPrev) {
    const last = rows.at(-1)!;
    return result(TrailProblem.CONTENT_CHANGED, last.ticketSeq, last.id, `the chain's end (event ${last.id}) is not the one the audit service recorded`);
  }
  return result(null, null, null, `${rows.length} events, all present, unchanged and in order`);
}
