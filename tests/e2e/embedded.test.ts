import { CREATE_TICKET, DISPATCH_TICKET, TICKET_EVERYWHERE, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ engine: 'embedded', sampleTickets: 30 });
});
afterAll(async () => {
  await stack?.close();
});

describe('the embedded default (SQLite files, no database server)', () => {
  it('serves the whole federation: intake, dispatch, and every department view', async () => {
    expect(stack.subgraphs.intake.data.dataSource.options.type).toBe('better-sqlite3');
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    const ticketId = created.body.data.createTicket.id;
    await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water', 'transit'] } });
    const response = await stack.graphql(TICKET_EVERYWHERE, { id: ticketId });
    expect(response.body.errors).toBeUndefined();
    const ticket = response.body.data.ticket;
    expect(ticket.assignments).toHaveLength(2);
    expect(ticket.water.outages.length).toBeGreaterThan(0);
    expect(ticket.streetlight.nearbyPoles.length).toBeGreaterThan(0);
    expect(ticket.transit.mentionedRoutes.map((route: { code: string }) => route.code)).toContain('1');
  });

  it('holds the seeded sample tickets', async () => {
    const response = await stack.graphql('{ tickets(first: 100) { totalCount } }');
    expect(response.body.data.tickets.totalCount).toBeGreaterThanOrEqual(30);
  });
});
