import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import type { Persona } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let ticketId: string;
beforeAll(async () => {
  stack = await startStack();
  const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ citizenName: '张伟', citizenPhone: '13912345678' }) });
  ticketId = created.body.data.createTicket.ticket.id;
  await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water'] } });
});
afterAll(async () => {
  await stack?.close();
});

const READ = 'query($id: ID!) { ticket(id: $id) { citizenName citizenPhone } }';

async function accessRecords(actorId: string): Promise<{ field: string; requestId: string }[]> {
  return stack.subgraphs.intake.data.dataSource.query(
    'SELECT field, requestId FROM personal_data_access WHERE ticketId = ? AND actorId = ? ORDER BY field',
    [ticketId, actorId],
  );
}

describe("a citizen's name and phone", () => {
  it.each<[Persona, string]>([
    ['operator', 'operator-007'],
    ['supervisor', 'supervisor-01'],
    ['auditor', 'auditor-1'],
    ['systemAdmin', 'sysadmin-1'],
  ])('are shown in full to the %s, and the read is recorded', async (persona, actorId) => {
    const requestId = `read-by-${persona}`;
    const response = await stack.graphql(READ, { id: ticketId }, { as: persona, headers: { 'x-request-id': requestId } });
    expect(response.body.data.ticket).toEqual({ citizenName: '张伟', citizenPhone: '13912345678' });
    expect(await accessRecords(actorId)).toEqual([
      { field: 'citizenName', requestId },
      { field: 'citizenPhone', requestId },
    ]);
  });

  it.each<[Persona, string]>([
    ['waterStaff', 'water-staff-1'],
    ['waterAdmin', 'water-admin-1'],
    ['observer', 'press-seat'],
  ])('are masked for the %s, and nothing is recorded', async (persona, actorId) => {
    const response = await stack.graphql(READ, { id: ticketId }, { as: persona });
    expect(response.body.data.ticket).toEqual({ citizenName: '张*', citizenPhone: '139****5678' });
    expect(await accessRecords(actorId)).toEqual([]);
  });

  it('are the citizen\'s own to see, unrecorded', async () => {
    const response = await stack.graphql(READ, { id: ticketId }, { as: 'citizen' });
    expect(response.body.data.ticket).toEqual({ citizenName: '张伟', citizenPhone: '13912345678' });
    expect(await accessRecords('citizen-zhang')).toEqual([]);
  });

  it('cost one recording transaction for a whole page, not one per ticket', async () => {
    for (let i = 0; i < 9; i += 1) await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    const intake = stack.subgraphs.intake.data;
    const before = intake.queries.count;
    const page = await stack.graphql('{ tickets(first: 10) { nodes { citizenName citizenPhone } } }', {}, { as: 'auditor' });
    expect(page.body.data.tickets.nodes).toHaveLength(10);
    // the list (no totalCount asked, so no count), and one transaction (begin, 20 access records, 20 audit events, commit) whatever the page size
    expect(intake.queries.count - before).toBe(5);
  });
});
