import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('operators acting at the same time', () => {
  it('gives 40 simultaneous intakes 40 different numbers, each stored whole', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => stack.graphql(CREATE_TICKET, { input: ticketInput({ content: `并发受理 ${i} concurrent intake ${i}` }) })),
    );
    for (const response of responses) expect(response.body.errors).toBeUndefined();
    const numbers = responses.map((response) => response.body.data.createTicket.ticket.number as string);
    expect(new Set(numbers).size).toBe(40);
    const intake = stack.subgraphs.intake.data.dataSource;
    const [{ n: tickets }] = await intake.query('SELECT COUNT(*) AS n FROM ticket');
    const [{ n: audits }] = await intake.query("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'ticket.created'");
    expect([Number(tickets), Number(audits)]).toEqual([40, 40]);
  });

  it('lets exactly one of ten simultaneous dispatches of a ticket win', async () => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    const ticketId = created.body.data.createTicket.ticket.id;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water'] } })),
    );
    const winners = responses.filter((response) => !response.body.errors);
    expect(winners).toHaveLength(1);
    for (const loser of responses.filter((response) => response.body.errors)) {
      // either it lost the version check, or it started after the winner committed and saw the assignment
      expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(loser.body.errors[0].extensions.code);
    }
    const intake = stack.subgraphs.intake.data.dataSource;
    const assignments = await intake.query('SELECT departmentCode FROM assignment WHERE ticketId = ?', [ticketId]);
    const audits = await intake.query("SELECT id FROM audit_event WHERE ticketId = ? AND action = 'ticket.dispatched'", [ticketId]);
    expect(assignments).toEqual([{ departmentCode: 'water' }]);
    expect(audits).toHaveLength(1);
  });
});
