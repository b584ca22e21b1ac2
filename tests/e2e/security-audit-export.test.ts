import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { type AuditEventWire, postAuditEvents } from '../../schema/audit/audit-wire';
import { EXPORT_COLUMNS } from '../../subgraphs/audit/src/export/export-format';
import { testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

let clock = Date.parse('2025-04-01T08:00:00.000Z');
function wire(ticketId: string, overrides: Partial<AuditEventWire>): AuditEventWire {
  clock += 60_000;
  return {
    id: randomUUID(), ticketId, subgraph: 'water', action: 'work_order.updated', entityType: 'WorkOrder', entityId: randomUUID(), fromState: null,
    toState: null, actorId: 'water-staff-1', actorRole: 'DEPARTMENT_STAFF', requestId: randomUUID(), reason: null, data: null,
    occurredAt: new Date(clock).toISOString(), ...overrides,
  };
}

async function exported(query: string, variables: Record<string, unknown>): Promise<Record<string, string>[]> {
  const response = await stack.graphql(query, variables, { as: 'auditor' });
  expect(response.body.errors).toBeUndefined();
  const csv = Object.values(response.body.data)[0] as string;
  expect(csv.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
  return parse(csv, { columns: true }) as Record<string, string>[];
}

describe('CSV exports a spreadsheet opens', () => {
  it('turn formula-like text (a reason, a request id, an actor) into text, and keep everything else exactly', async () => {
    const ticketId = randomUUID();
    const attacks = ['=HYPERLINK("http://evil","x")', '+1+1', '@SUM(1)', '-2+3', '\t=cmd|calc', '\r=1'];
    const ordinary = '居民投诉: 水管漏水, "很严重"\n第二行';
    const events = [
      ...attacks.map((reason) => wire(ticketId, { reason })),
      wire(ticketId, { requestId: '=1+2', actorId: '@admin' }),
      wire(ticketId, { reason: ordinary, data: { note: '=not a cell of its own' } }),
    ];
    await postAuditEvents(stack.subgraphs.audit.url, testKeys('water'), 'water', events);

    for (const [query, variables] of [
      ['query($id: ID!) { exportTrail(ticketId: $id, format: CSV) }', { id: ticketId }],
      ['query($f: AuditEventFilter) { exportAuditEvents(filter: $f, format: CSV) }', { f: { ticketId } }],
    ] as const) {
      const rows = new Map((await exported(query, variables)).map((row) => [row.id, row]));
      expect(rows.size).toBe(events.length);
      attacks.forEach((reason, i) => expect(rows.get(events[i].id)!.reason).toBe(`'${reason}`));
      expect(rows.get(events[6].id)).toMatchObject({ requestId: "'=1+2", actorId: "'@admin" });
      expect(rows.get(events[7].id)).toMatchObject({ reason: ordinary, data: '{"note":"=not a cell of its own"}', ticketId, subgraph: 'water' });
      for (const row of rows.values()) expect(Object.values(row).some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
    }
    // JSON stays exact: it is not opened as a spreadsheet
    const json = await stack.graphql('query($id: ID!) { exportTrail(ticketId: $id, format: JSON) }', { id: ticketId }, { as: 'auditor' });
    expect(JSON.parse(json.body.data.exportTrail).map((event: { reason: string | null }) => event.reason).slice(0, 6)).toEqual(attacks);
  });
});
