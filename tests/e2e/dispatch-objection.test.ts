import { newTicket, ok, run, ticketState } from '../support/lifecycle-steps';
import { type Stack, startStack } from '../support/stack';

/** Issue 12, item 1: a department may object to a dispatch (派单异议); a supervisor decides; all of it audited. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const trail = async (ticketId: string) =>
  (await stack.subgraphs.intake.data.dataSource.query('SELECT action, actorId, reason FROM audit_event WHERE ticketId = ? ORDER BY occurredAt', [ticketId])).map(
    (row: { action: string; actorId: string }) => `${row.action} by ${row.actorId}`,
  );

describe('an objection to a dispatch', () => {
  it('upheld: the assignment is returned with the reason, and the centre re-dispatches', async () => {
    const { ticketId, assignmentIds } = await newTicket(stack, ['water']);
    expect(await ok(stack, 'object', { id: assignmentIds[0] })).toMatchObject({ status: 'OBJECTED' });
    // still the department's work while the supervisor decides: the queue keeps it and the deadline runs
    expect((await ticketState(stack, ticketId)).assignments[0].status).toBe('OBJECTED');
    expect(await ok(stack, 'upholdObjection', { id: assignmentIds[0] })).toMatchObject({ status: 'RETURNED' });
    expect((await ticketState(stack, ticketId)).status).toBe('RETURNED');
    expect(await trail(ticketId)).toEqual(expect.arrayContaining(['assignment.object by water-staff-1', 'assignment.upholdObjection by supervisor-01', 'ticket.returned by supervisor-01']));
  });

  it('refused: the department handles it, as accepted, against the same deadline', async () => {
    const { ticketId, assignmentIds } = await newTicket(stack, ['water']);
    const before = (await ticketState(stack, ticketId)).assignments[0].deadline;
    await ok(stack, 'object', { id: assignmentIds[0] });
    expect(await ok(stack, 'refuseObjection', { id: assignmentIds[0] })).toMatchObject({ status: 'ACCEPTED' });
    const after = await ticketState(stack, ticketId);
    expect(after.assignments[0]).toMatchObject({ status: 'ACCEPTED', deadline: before });
    expect(await trail(ticketId)).toEqual(expect.arrayContaining(['assignment.object by water-staff-1', 'assignment.refuseObjection by supervisor-01']));
  });

  it('is the department\'s to raise and the supervisor\'s to decide', async () => {
    const { assignmentIds } = await newTicket(stack, ['water']);
    expect((await run(stack, 'object', { id: assignmentIds[0] }, 'streetlightStaff')).errors[0].extensions.code).toBe('FORBIDDEN');
    await ok(stack, 'object', { id: assignmentIds[0] });
    expect((await run(stack, 'upholdObjection', { id: assignmentIds[0] }, 'waterStaff')).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await run(stack, 'object', { id: assignmentIds[0] })).errors[0].extensions.code).toBe('ILLEGAL_TRANSITION');
  });
});
