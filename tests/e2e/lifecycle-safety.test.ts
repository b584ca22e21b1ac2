import { ASSIGNMENT_TRANSITIONS, type AssignmentTransition } from '../../subgraphs/intake/src/lifecycle/assignment-lifecycle';
import { TICKET_TRANSITIONS, type TicketTransition } from '../../subgraphs/intake/src/lifecycle/ticket-lifecycle';
import { newTicket, ok, run } from '../support/lifecycle-steps';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const intake = () => stack.subgraphs.intake.data.dataSource;

describe('two people acting at once', () => {
  it('lets exactly one of 20 simultaneous accepts win; the rest get CONFLICT and the audit holds one record', async () => {
    const { assignmentIds: [id] } = await newTicket(stack, ['water']);
    const results = await Promise.all(Array.from({ length: 20 }, () => run(stack, 'accept', { id, v: 1 })));
    const winners = results.filter((body) => !body.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((body) => body.errors).map((body) => body.errors[0].extensions.code)).toEqual(Array(19).fill('CONFLICT'));
    const audit = await intake().query("SELECT id FROM audit_event WHERE entityId = ? AND action = 'assignment.accept'", [id]);
    expect(audit).toHaveLength(1);
  });

  it('makes one ticket of 50 simultaneous submissions with the same idempotency key', async () => {
    const input = ticketInput({ idempotencyKey: `web-form-${Date.now()}` });
    const responses = await Promise.all(Array.from({ length: 50 }, () => stack.graphql(CREATE_TICKET, { input })));
    for (const response of responses) expect(response.body.errors).toBeUndefined();
    expect(new Set(responses.map((response) => response.body.data.createTicket.ticket.id)).size).toBe(1);
    const [{ n }] = await intake().query('SELECT COUNT(*) AS n FROM ticket WHERE id = ?', [responses[0].body.data.createTicket.ticket.id]);
    expect(Number(n)).toBe(1);
    const [{ tickets }] = await intake().query("SELECT COUNT(*) AS tickets FROM audit_event WHERE action = 'ticket.created' AND ticketId = ?", [
      responses[0].body.data.createTicket.ticket.id,
    ]);
    expect(Number(tickets)).toBe(1);
  });

  it('refuses the same idempotency key with a different request', async () => {
    const idempotencyKey = `retry-${Date.now()}`;
    await stack.graphql(CREATE_TICKET, { input: ticketInput({ idempotencyKey }) });
    const other = await stack.graphql(CREATE_TICKET, { input: ticketInput({ idempotencyKey, content: '另一件事 Something else' }) });
    expect(other.body.errors[0].extensions.code).toBe('CONFLICT');
  });
});

/** Puts a fresh ticket in each ticket state, by the path a real ticket takes there. */
const TICKET_IN: Record<string, () => Promise<string>> = {
  RECEIVED: async () => (await newTicket(stack)).ticketId,
  ANSWERED: async () => {
    const { ticketId } = await newTicket(stack);
    await ok(stack, 'answer', { id: ticketId });
    return ticketId;
  },
  DISPATCHED: async () => (await newTicket(stack, ['water'])).ticketId,
  RETURNED: async () => (await assignmentIn.RETURNED()).ticketId,
  RESULT_REPORTED: async () => (await assignmentIn.RESULT_REPORTED()).ticketId,
  REOPENED: async () => {
    const { ticketId } = await assignmentIn.RESULT_REPORTED();
    await ok(stack, 'callback', { id: ticketId, result: 'NOT_SATISFIED' });
    return ticketId;
  },
  CLOSED: async () => (await assignmentIn.FINISHED()).ticketId,
  ARCHIVED: async () => {
    const ticketId = await TICKET_IN.CLOSED();
    await ok(stack, 'archive', { id: ticketId });
    return ticketId;
  },
};

type Placed = { ticketId: string; id: string };
const assignmentIn: Record<string, () => Promise<Placed>> = {
  PENDING: async () => {
    const { ticketId, assignmentIds: [id] } = await newTicket(stack, ['water']);
    return { ticketId, id };
  },
  ACCEPTED: () => after('PENDING', 'accept'),
  RETURNED: () => after('PENDING', 'return'),
  IN_PROGRESS: () => after('ACCEPTED', 'start'),
  EXTENSION_REQUESTED: () => after('IN_PROGRESS', 'requestExtension'),
  RESULT_REPORTED: () => after('ACCEPTED', 'reportResult'),
  FINISHED: async () => {
    const placed = await assignmentIn.RESULT_REPORTED();
    await ok(stack, 'callback', { id: placed.ticketId, result: 'SATISFIED' });
    return placed;
  },
};

async function after(state: string, step: AssignmentTransition): Promise<Placed> {
  const placed = await assignmentIn[state]();
  await ok(stack, step, { id: placed.id });
  return placed;
}

function ticketVariables(transition: TicketTransition, ticketId: string) {
  if (transition === 'dispatch') return { input: { ticketId, departmentCodes: ['transit'] } };
  if (transition === 'callback') return { id: ticketId, result: 'SATISFIED' };
  return { id: ticketId };
}

const illegal = <T extends string>(table: Record<T, { from: readonly string[] }>, states: string[]) =>
  states.flatMap((state) => (Object.keys(table) as T[]).filter((t) => !table[t].from.includes(state)).map((t) => [state, t] as [string, T]));

describe('every transition the state table does not allow is refused, and nothing changes', () => {
  it.each(illegal(TICKET_TRANSITIONS, Object.keys(TICKET_IN)))('ticket in %s: %s', async (state, transition) => {
    const ticketId = await TICKET_IN[state]();
    const [before] = await intake().query('SELECT status, version FROM ticket WHERE id = ?', [ticketId]);
    const body = await run(stack, transition, ticketVariables(transition, ticketId));
    expect(body.errors[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: state, transition });
    expect(await intake().query('SELECT status, version FROM ticket WHERE id = ?', [ticketId])).toEqual([before]);
  });

  it.each(illegal(ASSIGNMENT_TRANSITIONS, Object.keys(assignmentIn)))('assignment in %s: %s', async (state, transition) => {
    const { id } = await assignmentIn[state]();
    const [before] = await intake().query('SELECT status, version, deadline FROM assignment WHERE id = ?', [id]);
    const body = await run(stack, transition, { id });
    expect(body.errors[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: state, transition });
    expect(await intake().query('SELECT status, version, deadline FROM assignment WHERE id = ?', [id])).toEqual([before]);
  });
});
