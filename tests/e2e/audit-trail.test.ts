import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AuditEvent } from '../../schema/audit/audit-event.entity';
import { type AuditEventWire, postAuditEvents, relayIdentity, toAuditEventWire } from '../../schema/audit/audit-wire';
import { Role } from '../../schema/identity/roles';
import { signIdentity } from '../../schema/identity/signed-identity';
import { EXPORT_COLUMNS } from '../../subgraphs/audit/src/export/export-format';
import { verifyAllTrails } from '../../subgraphs/audit/src/trail/verify-trail';
import { newTicket } from '../support/lifecycle-steps';
import { type Persona, signedAsGateway, testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let auditDb: DataSource;
beforeAll(async () => {
  stack = await startStack();
  auditDb = stack.subgraphs.audit.data.dataSource;
});
afterAll(async () => {
  await stack?.close();
});

let clock = Date.parse('2025-03-01T08:00:00.000Z');
/** An audit event as a subgraph's relay would deliver it; each one a minute after the last. */
function wire(ticketId: string, subgraph: string, action: string, overrides: Partial<AuditEventWire> = {}): AuditEventWire {
  clock += 60_000;
  return {
    id: randomUUID(), ticketId, subgraph, action, entityType: 'Assignment', entityId: randomUUID(), fromState: null, toState: null,
    actorId: 'operator-007', actorRole: 'OPERATOR', requestId: randomUUID(), reason: null, data: null, occurredAt: new Date(clock).toISOString(),
    ...overrides,
  };
}
const deliver = (subgraph: string, events: AuditEventWire[]) => postAuditEvents(stack.subgraphs.audit.url, testKeys(subgraph), subgraph, events);
const dispatched = (ticketId: string, departmentCode: string, requestId = randomUUID()) =>
  wire(ticketId, 'intake', 'ticket.dispatched', { toState: 'DISPATCHED', requestId, data: { departmentCode, lead: true } });
const returned = (ticketId: string, departmentCode: string) =>
  wire(ticketId, 'intake', 'assignment.return', { fromState: 'PENDING', toState: 'RETURNED', actorId: `${departmentCode}-staff-1`, data: { departmentCode } });

/** A real ticket at intake (so `ticket(id)` resolves through the gateway) with intake's own records delivered. */
async function deliveredTicket(departments: string[] = []) {
  const { ticketId } = await newTicket(stack, departments);
  const recorded = await stack.subgraphs.intake.data.dataSource.getRepository(AuditEvent).findBy({ ticketId });
  await deliver('intake', recorded.map(toAuditEventWire));
  return ticketId;
}

const TRAIL = `query($id: ID!) { ticket(id: $id) { id trail {
  id ticketSeq subgraph department action actorId actorRole entityType entityId fromState toState reason data requestId occurredAt prevHash hash } } }`;
const VERIFY = 'query($id: ID!) { verifyTrail(ticketId: $id) { ok events firstBadEventId firstBadSeq problem message } }';
const EVENTS = `query($filter: AuditEventFilter, $first: Int!, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id occurredAt } } nodes { id action department } } }`;
const EVENTS_BACKWARD = `query($filter: AuditEventFilter, $last: Int!, $before: String) { auditEvents(filter: $filter, last: $last, before: $before) {
  pageInfo { hasPreviousPage startCursor } nodes { id } } }`;
const EXPORT_TRAIL = 'query($id: ID!, $format: ExportFormat!) { exportTrail(ticketId: $id, format: $format) }';
const EXPORT_EVENTS = 'query($filter: AuditEventFilter, $format: ExportFormat!) { exportAuditEvents(filter: $filter, format: $format) }';
const PASSED_AROUND = 'query($min: Int!) { passedAroundTickets(minHandoffs: $min) { ticketId handoffs returns dispatches departments ticket { id number } } }';

async function read(query: string, variables: Record<string, unknown>, as: Persona = 'auditor') {
  const response = await stack.graphql(query, variables, { as });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return Object.values(response.body.data)[0] as any;
}
async function refusal(query: string, variables: Record<string, unknown>, as: Persona): Promise<string | undefined> {
  return (await stack.graphql(query, variables, { as })).body.errors?.[0]?.extensions?.code;
}

describe('delivering audit events', () => {
  it('stores each event once, however often a delivery is resent', async () => {
    const { ticketId } = await newTicket(stack, ['water']);
    const recorded = (await stack.subgraphs.intake.data.dataSource.getRepository(AuditEvent).findBy({ ticketId })).map(toAuditEventWire);
    expect(recorded.map((event) => event.action).sort()).toEqual(['ticket.created', 'ticket.dispatched']);
    expect(await deliver('intake', recorded)).toEqual({ stored: 2, duplicates: 0 });
    expect(await deliver('intake', recorded)).toEqual({ stored: 0, duplicates: 2 });
    const [a, b, c] = [1, 2, 3].map(() => wire(ticketId, 'water', 'work_order.updated'));
    expect(await deliver('water', [a, b])).toEqual({ stored: 2, duplicates: 0 });
    expect(await deliver('water', [b, c, c])).toEqual({ stored: 1, duplicates: 2 });
    expect((await read(TRAIL, { id: ticketId })).trail).toHaveLength(5);
  });

  it('keeps one unbroken chain when deliveries for the same new ticket arrive at once', async () => {
    const { ticketId } = await newTicket(stack);
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 20 }, () => wire(ticketId, 'water', 'work_order.updated')));
    const results = await Promise.all(batches.map((batch) => deliver('water', batch)));
    expect(results.reduce((sum, result) => sum + result.stored, 0)).toBe(120);
    const rows = await auditDb.query('SELECT ticketSeq FROM trail_event WHERE ticketId = ? ORDER BY ticketSeq', [ticketId]);
    expect(rows.map((row: { ticketSeq: number }) => Number(row.ticketSeq))).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(await read(VERIFY, { id: ticketId })).toMatchObject({ ok: true, events: 120 });
  });

  it('refuses deliveries that are not signed by a relay, or speak for another subgraph', async () => {
    const ticketId = randomUUID();
    const body = JSON.stringify({ events: [wire(ticketId, 'water', 'work_order.created')] });
    const post = (headers: Record<string, string>, payload = body) =>
      request(stack.subgraphs.audit.url).post('/events').set({ 'content-type': 'application/json', ...headers }).send(payload);
    const unsigned = await post({});
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.code).toBe('UNAUTHENTICATED');
    const water = testKeys('water');
    const forged = { ...water, signer: { ...water.signer, privateKey: generateKeyPairSync('ed25519').privateKey } };
    expect((await post(await signIdentity(relayIdentity('water'), forged, 'audit', { query: body }))).status).toBe(401);
    expect((await post(await signIdentity(relayIdentity('water'), water, 'audit', { query: '{"events":[]}' }))).status).toBe(401);
    expect((await post(await signedAsGateway({ id: 'operator-007', roles: [Role.OPERATOR] }, 'audit', body))).status).toBe(403);
    // water's key speaks for water's relay alone
    expect((await post(await signIdentity(relayIdentity('transit'), water, 'audit', { query: body }))).status).toBe(401);
    const impostor = await post(await signIdentity(relayIdentity('transit'), testKeys('transit'), 'audit', { query: body }));
    expect(impostor.status).toBe(400);
    expect(impostor.body.error.message).toMatch(/recorded by water, not by transit/);
    const [{ n }] = await auditDb.query('SELECT COUNT(*) AS n FROM trail_event WHERE ticketId = ?', [ticketId]);
    expect(Number(n)).toBe(0);
  });
});

describe("a ticket's trail", () => {
  it('lists every subgraph’s events in the order they happened, each with its department and place in the chain', async () => {
    const { ticketId } = await newTicket(stack);
    const [created, sent, accepted] = [
      wire(ticketId, 'intake', 'ticket.created', { entityType: 'Ticket', entityId: ticketId, toState: 'RECEIVED', data: { number: 'n', channel: 'PHONE' } }),
      dispatched(ticketId, 'water'),
      wire(ticketId, 'intake', 'assignment.accept', { actorId: 'water-staff-1', actorRole: 'DEPARTMENT_STAFF', data: { departmentCode: 'water' } }),
    ];
    const opened = wire(ticketId, 'water', 'work_order.created', { entityType: 'WorkOrder', occurredAt: new Date(Date.parse(sent.occurredAt) + 1000).toISOString() });
    const done = wire(ticketId, 'water', 'work_order.completed', { entityType: 'WorkOrder', reason: '已修复, "fixed"' });
    await deliver('intake', [created, sent, accepted]);
    await deliver('water', [opened, done]);
    const { trail } = await read(TRAIL, { id: ticketId });
    expect(trail.map((event: { id: string }) => event.id)).toEqual([created.id, sent.id, opened.id, accepted.id, done.id]);
    // the chain follows arrival; the trail follows time
    expect(trail.map((event: { ticketSeq: number }) => event.ticketSeq)).toEqual([1, 2, 4, 3, 5]);
    expect(trail.map((event: { department: string }) => event.department)).toEqual(['intake', 'water', 'water', 'water', 'water']);
    expect(trail[0]).toMatchObject({ subgraph: 'intake', toState: 'RECEIVED', prevHash: '0'.repeat(64), occurredAt: created.occurredAt });
    expect(JSON.parse(trail[1].data)).toEqual({ departmentCode: 'water', lead: true });
    expect(trail[4]).toMatchObject({ reason: '已修复, "fixed"', actorId: 'operator-007', requestId: done.requestId, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await read(VERIFY, { id: ticketId })).toMatchObject({ ok: true, events: 5, problem: null, firstBadEventId: null });
  });

  async function chainedTicket(count: number) {
    const ticketId = randomUUID();
    const events = Array.from({ length: count }, (_, i) => wire(ticketId, 'water', 'work_order.updated', { reason: `step ${i + 1}` }));
    await deliver('water', events);
    expect(await read(VERIFY, { id: ticketId })).toMatchObject({ ok: true, events: count });
    return { ticketId, events };
  }

  it('names the event whose stored content was changed', async () => {
    const { ticketId, events } = await chainedTicket(4);
    await auditDb.query('UPDATE trail_event SET reason = ? WHERE id = ?', ['nothing happened', events[1].id]);
    expect(await read(VERIFY, { id: ticketId })).toMatchObject({ ok: false, problem: 'CONTENT_CHANGED', firstBadSeq: 2, firstBadEventId: events[1].id });
    const { broken } = await verifyAllTrails(auditDb);
    expect(broken).toEqual(expect.arrayContaining([expect.objectContaining({ ticketId, problem: 'CONTENT_CHANGED', firstBadEventId: events[1].id })]));
  });

  it('names the gap a deleted event leaves, in the middle or at the end', async () => {
    const { ticketId, events } = await chainedTicket(4);
    await auditDb.query('DELETE FROM trail_event WHERE id = ?', [events[1].id]);
    const result = await read(VERIFY, { id: ticketId });
    expect(result).toMatchObject({ ok: false, problem: 'EVENT_MISSING', firstBadSeq: 2, firstBadEventId: events[2].id, events: 3 });
    expect(result.message).toMatch(/#2 is missing/);
    const cut = await chainedTicket(3);
    await auditDb.query('DELETE FROM trail_event WHERE id = ?', [cut.events[2].id]);
    expect(await read(VERIFY, { id: cut.ticketId })).toMatchObject({ problem: 'EVENT_MISSING', firstBadSeq: 3, firstBadEventId: null });
  });
});

describe('searching and exporting', () => {
  it('pages through events newest first, filtered by actor, department, action and time', async () => {
    const actorId = `inspector-${randomUUID().slice(0, 8)}`;
    const ticketId = randomUUID();
    const events = ['water', 'transit', 'water', 'water', 'transit'].map((departmentCode, i) =>
      wire(ticketId, 'intake', i % 2 ? 'assignment.accept' : 'assignment.start', { actorId, data: { departmentCode } }),
    );
    await deliver('intake', events);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await read(EVENTS, { filter: { actorId }, first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((node: { id: string }) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(events.map((event) => event.id).reverse());
    // and backward (last/before), from the oldest two up to the newest, in the same newest-first order per page
    const backward: string[][] = [];
    let before: string | null = null;
    do {
      const page: any = await read(EVENTS_BACKWARD, { filter: { actorId }, last: 2, before });
      backward.unshift(page.nodes.map((node: { id: string }) => node.id));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before);
    expect(backward.flat()).toEqual(seen);
    expect(backward.map((page) => page.length)).toEqual([1, 2, 2]);
    expect((await read(EVENTS, { filter: { actorId, department: 'transit' }, first: 10 })).totalCount).toBe(2);
    expect((await read(EVENTS, { filter: { actorId, action: 'assignment.start', department: 'water' }, first: 10 })).totalCount).toBe(2);
    const window = { actorId, from: events[1].occurredAt, to: events[3].occurredAt };
    expect((await read(EVENTS, { filter: window, first: 10 })).nodes.map((node: { id: string }) => node.id)).toEqual([events[2].id, events[1].id]);
  });

  it('exports a 1,000-event trail as CSV and JSON that parse back to 1,000 events, and refuses more than 10,000', async () => {
    const { ticketId } = await newTicket(stack);
    const awkward = '逗号, "引号" and a\nline break';
    const events = Array.from({ length: 1000 }, (_, i) => wire(ticketId, 'water', 'work_order.updated', { reason: i % 4 ? `step ${i}` : awkward, data: { i, departmentCode: 'water' } }));
    expect(await deliver('water', events)).toEqual({ stored: 1000, duplicates: 0 });

    const csv = await read(EXPORT_TRAIL, { id: ticketId, format: 'CSV' });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1000);
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    expect(rows[0]).toMatchObject({ id: events[0].id, ticketId, ticketSeq: '1', reason: awkward, occurredAt: events[0].occurredAt, data: '{"departmentCode":"water","i":0}' });
    expect(rows[999]).toMatchObject({ id: events[999].id, ticketSeq: '1000', reason: 'step 999' });
    const json = JSON.parse(await read(EXPORT_TRAIL, { id: ticketId, format: 'JSON' }));
    expect(json).toHaveLength(1000);
    expect(json[0]).toMatchObject({ id: events[0].id, ticketSeq: 1, reason: awkward, data: { i: 0, departmentCode: 'water' } });
    const search = parse(await read(EXPORT_EVENTS, { filter: { ticketId }, format: 'CSV' }), { columns: true }) as Record<string, string>[];
    expect(search.map((row) => row.id)).toEqual(events.map((event) => event.id).reverse());

    for (const size of [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1]) {
      await deliver('water', Array.from({ length: size }, () => wire(ticketId, 'water', 'work_order.updated')));
    }
    expect(await refusal(EXPORT_TRAIL, { id: ticketId, format: 'JSON' }, 'auditor')).toBe('BAD_USER_INPUT');
    expect(await refusal(EXPORT_EVENTS, { filter: { ticketId }, format: 'CSV' }, 'auditor')).toBe('BAD_USER_INPUT');
  });

  it('finds the tickets passed from department to department', async () => {
    const { ticketId } = await newTicket(stack);
    await deliver('intake', [
      dispatched(ticketId, 'water'), returned(ticketId, 'water'),
      dispatched(ticketId, 'streetlight'), returned(ticketId, 'streetlight'),
      dispatched(ticketId, 'transit'),
    ]);
    const settled = randomUUID();
    const together = randomUUID();
    await deliver('intake', [dispatched(settled, 'water', together), dispatched(settled, 'transit', together)]);
    const found = await read(PASSED_AROUND, { min: 2 });
    expect(found.find((row: { ticketId: string }) => row.ticketId === ticketId)).toEqual({
      ticketId, handoffs: 4, returns: 2, dispatches: 3, departments: ['streetlight', 'transit', 'water'],
      ticket: { id: ticketId, number: expect.stringMatching(/^12345-/) },
    });
    expect(found.some((row: { ticketId: string }) => row.ticketId === settled)).toBe(false);
    expect((await read(PASSED_AROUND, { min: 5 })).some((row: { ticketId: string }) => row.ticketId === ticketId)).toBe(false);
  });
});

describe('who may read the trail', () => {
  it('lets auditors, supervisors and system administrators run every audit query', async () => {
    const ticketId = await deliveredTicket(['water']);
    for (const as of ['auditor', 'supervisor', 'systemAdmin'] as const) {
      expect((await read(TRAIL, { id: ticketId }, as)).trail.length).toBeGreaterThan(0);
      expect((await read(VERIFY, { id: ticketId }, as)).ok).toBe(true);
      expect((await read(EVENTS, { first: 5 }, as)).totalCount).toBeGreaterThan(0);
      expect(await read(EXPORT_TRAIL, { id: ticketId, format: 'CSV' }, as)).toMatch(/^id,ticketId,/);
      expect(await read(EXPORT_EVENTS, { filter: { ticketId }, format: 'JSON' }, as)).toMatch(/^\[/);
      expect(Array.isArray(await read(PASSED_AROUND, { min: 2 }, as))).toBe(true);
    }
  });

  it("lets department staff read only the trails of tickets dispatched to their department", async () => {
    const ours = await deliveredTicket(['water']);
    const theirs = await deliveredTicket(['transit']);
    expect((await read(TRAIL, { id: ours }, 'waterStaff')).trail.map((event: { action: string }) => event.action).sort()).toEqual(['ticket.created', 'ticket.dispatched']);
    expect((await read(VERIFY, { id: ours }, 'waterAdmin')).ok).toBe(true);
    expect((await read(EVENTS, { filter: { ticketId: ours }, first: 10 }, 'waterStaff')).totalCount).toBe(2);
    expect(await read(EXPORT_TRAIL, { id: ours, format: 'CSV' }, 'waterStaff')).toMatch(/ticket\.dispatched/);
    for (const [query, variables] of [
      [VERIFY, { id: theirs }], [EXPORT_TRAIL, { id: theirs, format: 'JSON' }], [EVENTS, { filter: { ticketId: theirs }, first: 5 }],
      [EVENTS, { first: 5 }], [EXPORT_EVENTS, { format: 'CSV' }], [PASSED_AROUND, { min: 2 }],
    ] as const) {
      expect(await refusal(query, variables, 'waterStaff')).toBe('FORBIDDEN');
    }
    expect(await refusal(VERIFY, { id: ours }, 'transitStaff')).toBe('FORBIDDEN');
  });

  it('refuses operators, observers and citizens: the trail holds the officials to account, operators among them', async () => {
    const ticketId = await deliveredTicket(['water']);
    for (const as of ['operator', 'observer', 'citizen'] as const) {
      expect(await refusal(TRAIL, { id: ticketId }, as)).toBe('FORBIDDEN');
      expect(await refusal(VERIFY, { id: ticketId }, as)).toBe('FORBIDDEN');
      expect(await refusal(EVENTS, { first: 5 }, as)).toBe('FORBIDDEN');
      expect(await refusal(EXPORT_TRAIL, { id: ticketId, format: 'CSV' }, as)).toBe('FORBIDDEN');
      expect(await refusal(PASSED_AROUND, { min: 2 }, as)).toBe('FORBIDDEN');
    }
  });
});
