import type { DataSource } from 'typeorm';
import { ANSWER_TICKET, CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let intake: DataSource;
beforeAll(async () => {
  stack = await startStack();
  intake = stack.subgraphs.intake.data.dataSource;
});
afterAll(async () => {
  await stack?.close();
});

/** Row counts of everything a failed intake or dispatch could have half-written. */
async function intakeRows() {
  const count = async (table: string) => Number((await intake.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return { ticket: await count('ticket'), assignment: await count('assignment'), audit: await count('audit_event'), sequence: await count('ticket_sequence') };
}

async function expectRefused(query: string, variables: Record<string, unknown>, code: string, messagePart: RegExp) {
  const before = await intakeRows();
  const response = await stack.graphql(query, variables);
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors[0].extensions.code).toBe(code);
  expect(response.body.errors[0].message).toMatch(messagePart);
  expect(response.body.data?.createTicket ?? response.body.data?.dispatchTicket ?? null).toBeNull();
  expect(await intakeRows()).toEqual(before);
  return response.body.errors[0];
}

describe('bad input is refused with a stable code and writes nothing', () => {
  it('refuses empty content', async () => {
    await expectRefused(CREATE_TICKET, { input: ticketInput({ content: '   ' }) }, 'BAD_USER_INPUT', /content must not be empty/);
  });

  it('refuses a malformed phone number', async () => {
    const error = await expectRefused(CREATE_TICKET, { input: ticketInput({ citizenPhone: '12345' }) }, 'BAD_USER_INPUT', /citizenPhone/);
    expect(error.extensions.fields).toContain('citizenPhone');
  });

  it('refuses an unknown category and half a coordinate', async () => {
    await expectRefused(CREATE_TICKET, { input: ticketInput({ categoryCode: 'ufo_sighting' }) }, 'BAD_USER_INPUT', /unknown category/);
    await expectRefused(CREATE_TICKET, { input: ticketInput({ longitude: null }) }, 'BAD_USER_INPUT', /latitude and longitude/);
  });

  it('refuses a dispatch to an unknown department, even when a known one comes with it', async () => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    const ticketId = created.body.data.createTicket.ticket.id;
    await expectRefused(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water', 'ministry_of_magic'] } }, 'BAD_USER_INPUT', /ministry_of_magic/);
    const status = await intake.query('SELECT status FROM ticket WHERE id = ?', [ticketId]);
    expect(status[0].status).toBe('RECEIVED');
  });

  it('refuses to dispatch a closed ticket, naming its state', async () => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    const ticketId = created.body.data.createTicket.ticket.id;
    const answered = await stack.graphql(ANSWER_TICKET, { input: { id: ticketId, answer: '已告知计划停水时间 Told the caller the planned outage ends at 18:00' } });
    expect(answered.body.data.answerTicket.ticket.status).toBe('ANSWERED');
    const error = await expectRefused(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water'] } }, 'ILLEGAL_TRANSITION', /ANSWERED/);
    expect(error.extensions).toMatchObject({ currentState: 'ANSWERED', transition: 'dispatch' });
  });

  it('refuses to dispatch a ticket that does not exist', async () => {
    await expectRefused(
      DISPATCH_TICKET,
      { input: { ticketId: '00000000-0000-4000-8000-000000000000', departmentCodes: ['water'] } },
      'NOT_FOUND',
      /does not exist/,
    );
  });

  it('never shows internals: an internal failure is a generic message', async () => {
    const response = await stack.graphql('{ tickets(first: 5, after: "not-a-cursor") { totalCount } }');
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.body)).not.toMatch(/stack|at .*\.ts:\d+/);
  });
});
