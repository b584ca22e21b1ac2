import request from 'supertest';
import type { DataSource } from 'typeorm';
import { tokenFor } from '../support/personas';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

/** Issue 10, item 3: wrong variables and invisible content, as a hostile tester sent them. */
let stack: Stack;
let intake: DataSource;
beforeAll(async () => {
  stack = await startStack();
  intake = stack.subgraphs.intake.data.dataSource;
});
afterAll(async () => {
  await stack?.close();
});

const TICKETS = 'query Page($first: Int, $filter: TicketFilter) { tickets(first: $first, filter: $filter) { totalCount } }';
const tickets = async () => Number((await intake.query('SELECT COUNT(*) AS n FROM ticket'))[0].n);

describe('a variable of the wrong type is BAD_USER_INPUT with HTTP 400, naming the variable', () => {
  const attacks: Array<[string, string, Record<string, unknown>, { variable: string; field?: string; message: RegExp }]> = [
    ['an enum value that does not exist', CREATE_TICKET, { input: ticketInput({ channel: 'CARRIER_PIGEON' }) }, { variable: 'input', field: 'input.channel', message: /CARRIER_PIGEON.*Channel/ }],
    ['a string for a number', CREATE_TICKET, { input: ticketInput({ latitude: 'north' }) }, { variable: 'input', field: 'input.latitude', message: /Float/ }],
    ['"Infinity" for an Int', TICKETS, { first: 'Infinity' }, { variable: 'first', message: /Int cannot represent/ }],
    ['a float for an Int', TICKETS, { first: 2.5 }, { variable: 'first', message: /Int cannot represent/ }],
    ['an invalid DateTimeISO', TICKETS, { filter: { createdFrom: 'yesterday' } }, { variable: 'filter', field: 'filter.createdFrom', message: /date-time/i }],
    ['a missing required variable', CREATE_TICKET, {}, { variable: 'input', message: /required type "CreateTicketInput!"/ }],
    ['null for a required variable', CREATE_TICKET, { input: null }, { variable: 'input', message: /not to be null/ }],
  ];
  it.each(attacks)('%s', async (_attack, query, variables, expected) => {
    const before = await tickets();
    const response = await stack.graphql(query, variables);
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: expected.variable, ...(expected.field ? { field: expected.field } : {}) });
    expect(error.message).toMatch(expected.message);
    expect(response.body.data).toBeUndefined();
    expect(await tickets()).toBe(before);
  });

  it('refuses a number too large for JSON doubles (1e400 parses as Infinity)', async () => {
    const response = await request(stack.gatewayUrl)
      .post('/graphql')
      .set({ authorization: `Bearer ${await tokenFor('operator')}`, 'content-type': 'application/json' })
      .send(`{"query":${JSON.stringify(TICKETS)},"variables":{"first":1e400}}`);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'first' });
  });

  it('refuses an invalid DateTimeISO written in the operation itself, every time it is sent', async () => {
    // the gateway remembers the check per document: the second sending must meet the same refusal, not a pass
    for (let sending = 0; sending < 2; sending += 1) {
      const response = await stack.graphql('{ tickets(first: 1, filter: { createdFrom: "yesterday" }) { totalCount } }');
      expect(response.status).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/date-time/i) });
    }
    // and a good literal in the next document is not refused for the bad one's sake
    const good = await stack.graphql('{ tickets(first: 1, filter: { createdFrom: "2026-01-01T00:00:00.000Z" }) { totalCount } }');
    expect(good.body.errors).toBeUndefined();
  });

  it('still serves good variables, with defaults and a valid DateTimeISO', async () => {
    const response = await stack.graphql(TICKETS, { first: 3, filter: { createdFrom: '2026-01-01T00:00:00.000Z' } });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(typeof response.body.data.tickets.totalCount).toBe('number');
  });
});

describe('createTicket content that shows nothing is refused', () => {
  const blank = ['\u200B', '\u200B\u200C\u200D\u2060\uFEFF', ' \u200B \u3000\n\u2060 ', '\uFEFF\uFEFF\uFEFF'];
  it.each(blank.map((content) => [JSON.stringify(content), content]))('content %s', async (_shown, content) => {
    const before = await tickets();
    const response = await stack.graphql(CREATE_TICKET, { input: ticketInput({ content }) });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0]).toMatchObject({ message: 'content must not be empty', extensions: { code: 'BAD_USER_INPUT', fields: ['content'] } });
    expect(response.body.data?.createTicket ?? null).toBeNull();
    expect(await tickets()).toBe(before);
  });

  it('stores visible content NFC-normalised and trimmed of invisible ends; an invisible name or address is one not given', async () => {
    const decomposed = 'Cafe\u0301 \u4E0A\u7684\u8DEF\u706F\u4E0D\u4EAE';
    const response = await stack.graphql(CREATE_TICKET, {
      input: ticketInput({ content: `\u200B ${decomposed} \uFEFF`, citizenName: '\u200B\u200D', address: ' \u2060 ' }),
    });
    expect(response.body.errors).toBeUndefined();
    const [row] = await intake.query('SELECT content, citizenName AS name, address FROM ticket WHERE id = ?', [response.body.data.createTicket.ticket.id]);
    expect(row).toEqual({ content: decomposed.normalize('NFC'), name: null, address: null });
  });
});
