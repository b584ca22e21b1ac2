import { newTicket, ok, ticketState } from '../support/lifecycle-steps';
import { type Stack, startStack } from '../support/stack';

/**
 * A department's list reads ticket_department, where the ticket's status is
 * copied: it must follow every step of the ticket's life, list a ticket once
 * however often it went to the department, and never disagree with the
 * ticket itself.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const LIST = 'query($filter: TicketFilter) { tickets(first: 50, filter: $filter) { totalCount nodes { id status } } }';

async function listed(filter: Record<string, unknown>, as: 'supervisor' | 'waterStaff' = 'supervisor'): Promise<Array<{ id: string; status: string }>> {
  const response = await stack.graphql(LIST, { filter }, { as });
  expect(response.body.errors).toBeUndefined();
  const { totalCount, nodes } = response.body.data.tickets;
  expect(totalCount).toBe(nodes.length);
  return nodes;
}

async function waterHas(ticketId: string, status: string) {
  expect((await listed({ departmentCode: 'water', status: [status] })).map((ticket) => ticket.id)).toContain(ticketId);
  // the water company's own list, by its staff: the ticket once, at its status
  const own = (await listed({}, 'waterStaff')).filter((ticket) => ticket.id === ticketId);
  expect(own).toEqual([{ id: ticketId, status }]);
}

async function disagreements(): Promise<number> {
  const [row] = await stack.subgraphs.intake.data.dataSource.query(
    'SELECT COUNT(*) AS n FROM ticket_department d JOIN ticket t ON t.id = d.ticketId WHERE d.ticketStatus <> t.status OR d.ticketCreatedAt <> t.createdAt',
  );
  return Number(row.n);
}

it('follows a ticket through dispatch, result, a dissatisfied callback, a second dispatch to the same department, closing and archiving', async () => {
  const { ticketId, assignmentIds: [first] } = await newTicket(stack, ['water']);
  await waterHas(ticketId, 'DISPATCHED');
  expect(await listed({ departmentCode: 'streetlight' })).not.toContainEqual(expect.objectContaining({ id: ticketId }));

  await ok(stack, 'accept', { id: first });
  await ok(stack, 'reportResult', { id: first });
  await waterHas(ticketId, 'RESULT_REPORTED');
  expect((await listed({ departmentCode: 'water', status: ['DISPATCHED'] })).map((ticket) => ticket.id)).not.toContain(ticketId);

  await ok(stack, 'callback', { id: ticketId, result: 'NOT_SATISFIED' });
  await waterHas(ticketId, 'REOPENED');

  await ok(stack, 'dispatch', { input: { ticketId, departmentCodes: ['water', 'streetlight'] } });
  await waterHas(ticketId, 'DISPATCHED');
  expect((await listed({ departmentCode: 'streetlight', status: ['DISPATCHED'] })).map((ticket) => ticket.id)).toContain(ticketId);

  const running = (await ticketState(stack, ticketId)).assignments.filter((assignment: { status: string }) => assignment.status === 'PENDING');
  expect(running.map((assignment: { department: { code: string } }) => assignment.department.code).sort()).toEqual(['streetlight', 'water']);
  for (const assignment of running as Array<{ id: string; department: { code: string } }>) {
    const staff = assignment.department.code === 'water' ? 'waterStaff' : 'streetlightStaff';
    await ok(stack, 'accept', { id: assignment.id }, staff);
    await ok(stack, 'reportResult', { id: assignment.id }, staff);
  }
  await ok(stack, 'callback', { id: ticketId, result: 'SATISFIED' });
  await waterHas(ticketId, 'CLOSED');
  await ok(stack, 'archive', { id: ticketId });
  await waterHas(ticketId, 'ARCHIVED');
  expect(await disagreements()).toBe(0);
});

it('keeps nothing of a dispatch that failed: no department row for a refused department list', async () => {
  const { ticketId } = await newTicket(stack);
  const refused = await stack.graphql('mutation($input: DispatchTicketInput!) { dispatchTicket(input: $input) { ticket { id } } }', { input: { ticketId, departmentCodes: ['water', 'no-such-department'] } }, { as: 'operator' });
  expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const [row] = await stack.subgraphs.intake.data.dataSource.query('SELECT COUNT(*) AS n FROM ticket_department WHERE ticketId = ?', [ticketId]);
  expect(Number(row.n)).toBe(0);
  expect(await listed({ departmentCode: 'water' })).not.toContainEqual(expect.objectContaining({ id: ticketId }));
});
