import { newTicket, ok } from '../support/lifecycle-steps';
import { type Stack, startStack } from '../support/stack';

/**
 * A city upgrading with tickets already stored: the migration that brings
 * ticket_department fills it from the assignments, one row per ticket and
 * department however often the ticket went there, at the ticket's status.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const ROWS = 'SELECT ticketId, departmentCode, ticketStatus FROM ticket_department ORDER BY ticketId, departmentCode';

it('fills the department rows of tickets dispatched before it ran', async () => {
  const twice = await newTicket(stack, ['water']);
  await ok(stack, 'accept', { id: twice.assignmentIds[0] }, 'waterStaff');
  await ok(stack, 'reportResult', { id: twice.assignmentIds[0] }, 'waterStaff');
  await ok(stack, 'callback', { id: twice.ticketId, result: 'NOT_SATISFIED' });
  await ok(stack, 'dispatch', { input: { ticketId: twice.ticketId, departmentCodes: ['water'] } });
  const shared = await newTicket(stack, ['water', 'transit']);
  await newTicket(stack);

  const intake = stack.subgraphs.intake.data.dataSource;
  const written = await intake.query(ROWS);
  expect(written).toEqual(
    expect.arrayContaining([
      { ticketId: twice.ticketId, departmentCode: 'water', ticketStatus: 'DISPATCHED' },
      { ticketId: shared.ticketId, departmentCode: 'transit', ticketStatus: 'DISPATCHED' },
      { ticketId: shared.ticketId, departmentCode: 'water', ticketStatus: 'DISPATCHED' },
    ]),
  );
  const [{ n: assignments }] = await intake.query('SELECT COUNT(*) AS n FROM assignment WHERE ticketId = ?', [twice.ticketId]);
  expect(Number(assignments)).toBe(2);

  // back to the schema before it (the table gone), and forward again: the fill alone makes the rows
  const last = intake.migrations.at(-1)!;
  expect(last.name).toBe('TicketDepartment1767000000000');
  await intake.undoLastMigration();
  expect(await intake.query("SHOW TABLES LIKE 'ticket_department'")).toHaveLength(0);
  await intake.runMigrations();
  expect(await intake.query(ROWS)).toEqual(written);
});
