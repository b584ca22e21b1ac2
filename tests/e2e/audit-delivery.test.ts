import { newTicket, ok } from '../support/lifecycle-steps';
import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import type { Persona } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ relay: true });
});
afterAll(async () => {
  await stack?.close();
});

const OUTBOXES = ['intake', 'water', 'transit', 'streetlight'] as const;

/** Every event the subgraphs recorded for these tickets, straight from their outboxes. */
async function outboxEvents(ticketIds: string[]): Promise<{ id: string; subgraph: string; deliveredAt: Date | null }[]> {
  const marks = ticketIds.map(() => '?').join(',');
  const rows = await Promise.all(
    OUTBOXES.map((name) => stack.subgraphs[name].data.dataSource.query(`SELECT id, subgraph, deliveredAt FROM audit_event WHERE ticketId IN (${marks})`, ticketIds)),
  );
  return rows.flat();
}

async function trail(ticketId: string) {
  const response = await stack.graphql(
    'query($id: ID!) { ticket(id: $id) { trail { id subgraph action actorId actorRole requestId occurredAt } } }',
    { id: ticketId },
    { as: 'auditor' },
  );
  return response.body.data?.ticket?.trail ?? [];
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await probe();
  }
  return value;
}

let request = 0;
async function step(name: Parameters<typeof ok>[1], variables: Record<string, unknown>, as?: Persona) {
  return ok(stack, name, variables, as);
}
const WATER_ORDER = 'mutation($input: WaterCreateWorkOrderInput!) { createWaterWorkOrder(input: $input) { workOrder { id } } }';
const TRANSIT_ORDER = 'mutation($input: TransitCreateWorkOrderInput!) { createTransitWorkOrder(input: $input) { workOrder { id } } }';

describe("an auditor's trail across departments", () => {
  it('holds every event of intake, water and transit for a ticket that went round, in order, with actors and request ids', async () => {
    const { ticketId, assignmentIds: [transitAssignment] } = await newTicket(stack, ['transit']);
    const transitOrder = await stack.graphql(TRANSIT_ORDER, { input: { ticketId, description: '现场核查站台 Check the stop' } }, { as: 'transitStaff', headers: { 'x-request-id': `trail-${++request}` } });
    expect(transitOrder.body.errors).toBeUndefined();
    await step('return', { id: transitAssignment }, 'transitStaff');
    const again = await step('dispatch', { input: { ticketId, departmentCodes: ['water'] } });
    const waterAssignment = again.assignments.find((a: { department: { code: string } }) => a.department.code === 'water').id;
    await step('accept', { id: waterAssignment });
    const waterOrder = await stack.graphql(WATER_ORDER, { input: { ticketId, description: '抢修 Repair' } }, { as: 'waterStaff' });
    await stack.graphql('mutation($id: ID!) { completeWaterWorkOrder(input: { id: $id, result: "已修复 Fixed" }) { workOrder { id } } }', { id: waterOrder.body.data.createWaterWorkOrder.workOrder.id }, { as: 'waterStaff' });
    await step('reportResult', { id: waterAssignment });
    await step('callback', { id: ticketId, result: 'SATISFIED' });

    const recorded = await outboxEvents([ticketId]);
    expect(new Set(recorded.map((event) => event.subgraph))).toEqual(new Set(['intake', 'water', 'transit']));
    const events = await eventually(() => trail(ticketId), (t) => t.length >= recorded.length, 15);
    expect(events.map((event: { id: string }) => event.id).sort()).toEqual(recorded.map((event) => event.id).sort());
    const times = events.map((event: { occurredAt: string }) => event.occurredAt);
    expect(times).toEqual([...times].sort());
    for (const event of events) {
      expect(event.actorId).toBeTruthy();
      expect(event.requestId).toBeTruthy();
    }
    expect(events.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['ticket.created', 'ticket.dispatched', 'work_order.created', 'assignment.return', 'assignment.accept', 'work_order.completed', 'assignment.reportResult', 'ticket.callback']),
    );
    expect(events.find((event: { subgraph: string }) => event.subgraph === 'transit').requestId).toBe(`trail-${request}`);
  });

  it('loses nothing while the audit service is down: 200 changes wait, then arrive once each', async () => {
    await stack.subgraphs.audit.stop();
    const ticketIds: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'other', content: `审计中断 ${i} audit outage ${i}` }) });
      const ticketId = created.body.data.createTicket.ticket.id;
      ticketIds.push(ticketId);
      await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water', 'transit'] } });
      await stack.graphql(WATER_ORDER, { input: { ticketId, description: `检修 ${i}` } }, { as: 'waterStaff' });
      await stack.graphql(TRANSIT_ORDER, { input: { ticketId, description: `核查 ${i}` } }, { as: 'transitStaff' });
    }
    const waiting = await outboxEvents(ticketIds);
    expect(waiting).toHaveLength(200);
    expect(waiting.every((event) => event.deliveredAt === null)).toBe(true);

    await stack.subgraphs.audit.restart();
    const started = Date.now();
    const delivered = await eventually(() => outboxEvents(ticketIds), (events) => events.every((event) => event.deliveredAt !== null), 30);
    expect(delivered.every((event) => event.deliveredAt !== null)).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
    const page = await stack.graphql('query($first: Int!) { tickets(first: $first) { nodes { id trail { id } } } }', { first: 100 }, { as: 'auditor' });
    const stored = page.body.data.tickets.nodes.filter((n: { id: string }) => ticketIds.includes(n.id)).flatMap((n: { trail: { id: string }[] }) => n.trail.map((e) => e.id));
    expect(stored).toHaveLength(200);
    expect(new Set(stored).size).toBe(200);
  });
});
