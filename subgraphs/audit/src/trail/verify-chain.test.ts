import { TrailEvent } from './trail-event.entity';
import { chainHash, GENESIS_HASH } from './trail-hash';
import { verifyChain } from './verify-chain';

/** A correctly chained trail of `count` events for one ticket. */
function chain(count: number): TrailEvent[] {
  const rows: TrailEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const row = Object.assign(new TrailEvent(), {
      id: `e${seq}`, ticketId: 't1', ticketSeq: seq, subgraph: 'intake', department: 'water', action: 'ticket.dispatched',
      entityType: 'Assignment', entityId: `a${seq}`, fromState: null, toState: 'DISPATCHED', actorId: 'op', actorRole: 'OPERATOR',
      requestId: `r${seq}`, reason: null, data: '{"departmentCode":"water"}', occurredAt: new Date(1_700_000_000_000 + seq), receivedAt: new Date(), prevHash,
    });
    row.hash = prevHash = chainHash(row.prevHash, row);
    rows.push(row);
  }
  return rows;
}
const headOf = (rows: TrailEvent[]) => ({ lastSeq: rows.length, lastHash: rows.at(-1)?.hash ?? GENESIS_HASH });

describe('verifyChain', () => {
  it('accepts an untouched chain', () => {
    const rows = chain(4);
    expect(verifyChain('t1', rows, headOf(rows))).toMatchObject({ ok: true, events: 4, problem: null, firstBadEventId: null });
  });

  it('names an edited event', () => {
    const rows = chain(4);
    const head = headOf(rows);
    rows[1].reason = '改过 edited';
    expect(verifyChain('t1', rows, head)).toMatchObject({ ok: false, problem: 'CONTENT_CHANGED', firstBadSeq: 2, firstBadEventId: 'e2' });
    // the department column decides who may read the trail: it must agree with the hashed data
    rows[1].reason = null;
    rows[1].department = 'transit';
    expect(verifyChain('t1', rows, head)).toMatchObject({ problem: 'CONTENT_CHANGED', firstBadEventId: 'e2' });
  });

  it('breaks at the next link when an edited event was re-hashed by hand', () => {
    const rows = chain(4);
    const head = headOf(rows);
    rows[1].reason = '改过 edited';
    rows[1].hash = chainHash(rows[1].prevHash, rows[1]);
    expect(verifyChain('t1', rows, head)).toMatchObject({ ok: false, problem: 'EVENT_MISSING', firstBadSeq: 3, firstBadEventId: 'e3' });
  });

  it('names a gap where an event was deleted, also when the rest were renumbered or the end was cut', () => {
    const rows = chain(4);
    const head = headOf(rows);
    expect(verifyChain('t1', [rows[0], rows[2], rows[3]], head)).toMatchObject({ problem: 'EVENT_MISSING', firstBadSeq: 2, firstBadEventId: 'e3' });
    const renumbered = [rows[0], { ...rows[2], ticketSeq: 2 }, { ...rows[3], ticketSeq: 3 }];
    expect(verifyChain('t1', renumbered, head)).toMatchObject({ problem: 'EVENT_MISSING', firstBadSeq: 2, firstBadEventId: 'e3' });
    expect(verifyChain('t1', rows.slice(0, 3), head)).toMatchObject({ problem: 'EVENT_MISSING', firstBadSeq: 4, firstBadEventId: null });
  });

  it('names events moved to another place', () => {
    const rows = chain(3);
    const swapped = [rows[0], { ...rows[2], ticketSeq: 2 }, { ...rows[1], ticketSeq: 3 }];
    expect(verifyChain('t1', swapped, headOf(rows))).toMatchObject({ problem: 'ORDER_CHANGED', firstBadSeq: 2, firstBadEventId: 'e3' });
  });

  it('notices an event appended without going through delivery', () => {
    const rows = chain(3);
    expect(verifyChain('t1', rows, headOf(rows.slice(0, 2)))).toMatchObject({ problem: 'CONTENT_CHANGED', firstBadSeq: 3, firstBadEventId: 'e3' });
  });
});
