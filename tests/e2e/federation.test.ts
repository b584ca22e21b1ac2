import { AuditEvent } from '../../schema/audit/audit-event.entity';
import { CITY_CENTRE, CREATE_TICKET, DISPATCH_TICKET, TICKET_EVERYWHERE, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

async function createAndDispatch(departments: string[]) {
  const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
  expect(created.body.errors).toBeUndefined();
  const { ticket } = created.body.data.createTicket;
  const dispatched = await stack.graphql(DISPATCH_TICKET, { input: { ticketId: ticket.id, departmentCodes: departments } });
  expect(dispatched.body.errors).toBeUndefined();
  return { ticket, dispatched: dispatched.body.data.dispatchTicket.ticket };
}

describe('one query across the federation', () => {
  it('takes a request, dispatches it to two departments, and shows what all four subgraphs know', async () => {
    const { ticket, dispatched } = await createAndDispatch(['water', 'streetlight']);
    expect(ticket.number).toMatch(/^12345-\d{8}-\d{6}$/);
    expect(dispatched.status).toBe('DISPATCHED');
    expect(dispatched.assignments.map((a: { department: { code: string } }) => a.department.code)).toEqual(['water', 'streetlight']);
    expect(dispatched.assignments[0].lead).toBe(true);
    expect(dispatched.assignments[1].lead).toBe(false);

    const response = await stack.graphql(TICKET_EVERYWHERE, { id: ticket.id });
    expect(response.body.errors).toBeUndefined();
    const found = response.body.data.ticket;
    // intake
    expect(found).toMatchObject({ id: ticket.id, status: 'DISPATCHED', category: { code: 'water_outage' }, ...CITY_CENTRE });
    // no water is urgent: the category gives the departments 24 clock hours, not 5 working days
    const hoursLeft = (new Date(found.deadline).getTime() - Date.now()) / 3600_000;
    expect(hoursLeft).toBeGreaterThan(23);
    expect(hoursLeft).toBeLessThanOrEqual(24);
    // water: the zone of the centre is under an outage, which the operator can read out
    expect(found.water.located).toBe(true);
    expect(found.water.zone.code).toBeTruthy();
    expect(found.water.outages.some((outage: { active: boolean; kind: string }) => outage.active && outage.kind === 'UNPLANNED')).toBe(true);
    // streetlight: poles near the ticket, nearest first
    const distances = found.streetlight.nearbyPoles.map((near: { distanceMeters: number }) => near.distanceMeters);
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(200);
    expect(found.streetlight.faultyPolesNearby).toBeGreaterThan(0);
    // transit: the content names route 1 and a stop of it is near
    expect(found.transit.mentionedRoutes.map((route: { code: string }) => route.code)).toContain('1');
    const stopRoutes = found.transit.nearbyStops.flatMap((near: { stop: { routes: { code: string }[] } }) => near.stop.routes.map((r) => r.code));
    expect(stopRoutes).toContain('1');
  });

  it('lets a department run its own work order for a ticket assigned to it, and only then', async () => {
    const { ticket } = await createAndDispatch(['water']);
    const create = `mutation($input: WaterCreateWorkOrderInput!) { createWaterWorkOrder(input: $input) { workOrder { id status assignmentId } } }`;
    const created = await stack.graphql(
      create,
      { input: { ticketId: ticket.id, description: '抢修 DN300 主管 Repair the DN300 main', crew: '抢修一队' } },
      { as: 'waterStaff' },
    );
    expect(created.body.errors).toBeUndefined();
    const order = created.body.data.createWaterWorkOrder.workOrder;
    expect(order.status).toBe('OPEN');

    const update = `mutation($id: ID!) { updateWaterWorkOrder(input: { id: $id, status: IN_PROGRESS }) { workOrder { status } } }`;
    expect((await stack.graphql(update, { id: order.id }, { as: 'waterStaff' })).body.data.updateWaterWorkOrder.workOrder.status).toBe('IN_PROGRESS');
    const complete = `mutation($id: ID!) { completeWaterWorkOrder(input: { id: $id, result: "已更换阀门 Valve replaced, supply restored" }) { workOrder { status completedAt } } }`;
    const completed = await stack.graphql(complete, { id: order.id }, { as: 'waterStaff' });
    expect(completed.body.data.completeWaterWorkOrder.workOrder.status).toBe('COMPLETED');
    const again = await stack.graphql(complete, { id: order.id }, { as: 'waterStaff' });
    expect(again.body.errors[0].extensions.code).toBe('ILLEGAL_TRANSITION');

    const seen = await stack.graphql(TICKET_EVERYWHERE, { id: ticket.id });
    expect(seen.body.data.ticket.water.workOrders).toEqual([expect.objectContaining({ id: order.id, status: 'COMPLETED' })]);

    // transit was never assigned this ticket
    const foreign = `mutation($input: TransitCreateWorkOrderInput!) { createTransitWorkOrder(input: $input) { workOrder { id } } }`;
    const refused = await stack.graphql(foreign, { input: { ticketId: ticket.id, description: 'not ours' } }, { as: 'transitStaff' });
    expect(refused.body.errors[0].extensions.code).toBe('NOT_ASSIGNED');
    const [{ n }] = await stack.subgraphs.transit.data.dataSource.query('SELECT COUNT(*) AS n FROM work_order');
    expect(Number(n)).toBe(0);
  });

  it('carries one request id from the client through every subgraph into the audit records', async () => {
    const requestId = `req-${Date.now()}`;
    const response = await stack.graphql(CREATE_TICKET, { input: ticketInput() }, { headers: { 'x-request-id': requestId } });
    expect(response.headers['x-request-id']).toBe(requestId);
    expect(response.body.extensions.requestId).toBe(requestId);
    const ticketId = response.body.data.createTicket.ticket.id;
    const events = await stack.subgraphs.intake.data.dataSource.getRepository(AuditEvent).findBy({ ticketId });
    expect(events).toEqual([expect.objectContaining({ action: 'ticket.created', requestId, toState: 'RECEIVED' })]);

    await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water'] } }, { headers: { 'x-request-id': `${requestId}-d` } });
    const order = await stack.graphql(
      `mutation($input: WaterCreateWorkOrderInput!) { createWaterWorkOrder(input: $input) { workOrder { id } } }`,
      { input: { ticketId, description: 'check pressure' } },
      { as: 'waterStaff', headers: { 'x-request-id': `${requestId}-w` } },
    );
    expect(order.body.errors).toBeUndefined();
    const waterEvents = await stack.subgraphs.water.data.dataSource.getRepository(AuditEvent).findBy({ ticketId });
    expect(waterEvents).toEqual([expect.objectContaining({ action: 'work_order.created', requestId: `${requestId}-w`, subgraph: 'water' })]);
  });

  it('reports on /health which subgraphs are up, stays ready and still answers when one is down', async () => {
    const healthy = await fetch(`${stack.gatewayUrl}/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: 'ok', subgraphs: { intake: 'up', water: 'up', streetlight: 'up', transit: 'up' } });

    await stack.subgraphs.transit.stop();
    // the report is cached for a moment so probe storms do not reach the subgraphs: ask until it has noticed
    let report: { status?: string; subgraphs?: Record<string, string> } = {};
    for (const until = Date.now() + 5000; report.subgraphs?.transit !== 'down' && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const degraded = await fetch(`${stack.gatewayUrl}/health`);
      // one department down must not pull the gateway out of a load balancer's rotation
      expect(degraded.status).toBe(200);
      report = (await degraded.json()) as typeof report;
    }
    expect(report).toMatchObject({ status: 'degraded', subgraphs: { intake: 'up', transit: 'down' } });
    expect((await fetch(`${stack.gatewayUrl}/readyz`)).status).toBe(200);

    // a department that is down costs its own field, not the operator's whole answer
    const { ticket } = await createAndDispatch(['water']);
    const response = await stack.graphql(TICKET_EVERYWHERE, { id: ticket.id });
    expect(response.body.data.ticket).toMatchObject({ id: ticket.id, status: 'DISPATCHED', transit: null });
    expect(response.body.data.ticket.water.zone).not.toBeNull();
    expect(response.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', service: 'transit' }) })]);
  });
});
