import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
const created: { id: string; channel: string; createdAt: string }[] = [];
const channels = ['PHONE', 'SMS', 'WEB', 'APP', 'MAYOR_MAILBOX'];

beforeAll(async () => {
  stack = await startStack();
  // one at a time, so createdAt order is the order of creation
  for (let i = 0; i < 12; i += 1) {
    const response = await stack.graphql(CREATE_TICKET, { input: ticketInput({ channel: channels[i % channels.length], content: `第 ${i} 号诉求 request ${i}` }) });
    created.push(response.body.data.createTicket.ticket);
  }
  for (const ticket of created.slice(0, 4)) {
    await stack.graphql(DISPATCH_TICKET, { input: { ticketId: ticket.id, departmentCodes: ['transit'] } });
  }
});
afterAll(async () => {
  await stack?.close();
});

const LIST = `query List($filter: TicketFilter, $first: Int, $after: String, $last: Int, $before: String) {
  tickets(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id channel status createdAt } }
  }
}`;

async function list(variables: Record<string, unknown>) {
  const response = await stack.graphql(LIST, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.tickets;
}

describe('the ticket list', () => {
  it('pages through every ticket newest first, each exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await list({ first: 5, after });
      expect(page.totalCount).toBe(12);
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(created.map((ticket) => ticket.id).reverse());
  });

  it('filters by status, channel and department', async () => {
    const dispatched = await list({ filter: { status: ['DISPATCHED'] }, first: 50 });
    expect(dispatched.totalCount).toBe(4);
    const sms = await list({ filter: { channel: ['SMS'] }, first: 50 });
    expect(sms.edges.map((edge: { node: { channel: string } }) => edge.node.channel)).toEqual(['SMS', 'SMS', 'SMS']);
    const transit = await list({ filter: { departmentCode: 'transit' }, first: 50 });
    expect(transit.edges.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual(created.slice(0, 4).map((t) => t.id).sort());
    const both = await list({ filter: { departmentCode: 'transit', channel: ['PHONE'] }, first: 50 });
    expect(both.totalCount).toBe(1);
  });

  it('filters by a created-time window', async () => {
    const from = created[3].createdAt;
    const to = created[7].createdAt;
    const window = await list({ filter: { createdFrom: from, createdTo: to }, first: 50 });
    expect(window.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(created.slice(3, 7).map((t) => t.id).reverse());
  });

  it('pages backward from any cursor (last/before) to the same pages, with hasPreviousPage and startCursor', async () => {
    const ids = created.map((ticket) => ticket.id).reverse();
    const page1 = await list({ first: 5 });
    const page2 = await list({ first: 5, after: page1.pageInfo.endCursor });
    expect(page1.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: page1.edges[0].cursor });
    expect(page2.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // back from page 2's start: page 1 again, in the same (newest first) order, and nothing before it
    const back = await list({ last: 5, before: page2.pageInfo.startCursor });
    expect(back.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(ids.slice(0, 5));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true, startCursor: page1.pageInfo.startCursor, endCursor: page1.pageInfo.endCursor });
    // the list's end, asked for from the end: the three oldest, with more before them
    const oldest = await list({ last: 3 });
    expect(oldest.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(ids.slice(9));
    expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const beforeOldest = await list({ last: 4, before: oldest.pageInfo.startCursor });
    expect(beforeOldest.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(ids.slice(5, 9));
  });

  it('refuses to page both ways at once, and a size or cursor it will not serve', async () => {
    const both = await stack.graphql(LIST, { first: 5, last: 5 });
    expect(both.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const tooMany = await stack.graphql(LIST, { last: 101 });
    expect(tooMany.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    const forged = await stack.graphql(LIST, { last: 5, before: 'not-a-cursor' });
    expect(forged.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });

  it('refuses a page size it will not serve', async () => {
    const response = await stack.graphql(LIST, { first: 101 });
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('finds a ticket by the number the citizen was given', async () => {
    const first = await stack.graphql(`query($id: ID!) { ticket(id: $id) { number } }`, { id: created[0].id });
    const number = first.body.data.ticket.number;
    const byNumber = await stack.graphql(`query($n: String!) { ticketByNumber(number: $n) { id } }`, { n: number });
    expect(byNumber.body.data.ticketByNumber.id).toBe(created[0].id);
  });
});
