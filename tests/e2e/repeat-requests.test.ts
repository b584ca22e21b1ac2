import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

/** Issue 12, item 1: one problem, one ticket (重复诉求并单处理). */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const PLACE = { latitude: 32.3001, longitude: 118.3201 };
const SIMILAR = `query ($input: SimilarTicketsInput!) { similarOpenTickets(input: $input) { score reasons { kind detail } ticket { id number } } }`;
const MERGE = 'mutation ($id: ID!, $into: ID!, $reason: String!) { mergeTicket(ticketId: $id, intoTicketId: $into, reason: $reason) { status mergedInto { id } } }';
const UNMERGE = 'mutation ($id: ID!) { unmergeTicket(ticketId: $id, reason: "不是同一小区 a different estate") { status mergedInto { id } } }';

async function create(overrides: Record<string, unknown>, as: 'operator' | 'citizen' = 'operator'): Promise<string> {
  const response = await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'water_outage', ...PLACE, ...overrides }) }, { as });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data.createTicket.id;
}
const dispatch = (ticketId: string) => stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water'] } });
const trail = async (ticketId: string) =>
  (await stack.subgraphs.intake.data.dataSource.query('SELECT action FROM audit_event WHERE ticketId = ? ORDER BY occurredAt', [ticketId])).map((row: { action: string }) => row.action);

describe('repeated requests', () => {
  let primary: string;
  let repeat: string;

  it('are proposed at intake with their reasons: the same caller, the same category nearby, the same words', async () => {
    primary = await create({ citizenPhone: '13900000001', content: '丰乐大道88号小区停水一整天了，请尽快恢复' });
    await dispatch(primary);
    const unrelated = await create({ citizenPhone: '13900000009', categoryCode: 'bus_service', latitude: 32.35, longitude: 118.4, content: '8路公交车晚点严重' });

    const sameCaller = await stack.graphql(SIMILAR, { input: { citizenPhone: '13900000001', categoryCode: 'water_outage', ...PLACE, content: '丰乐大道88号小区还是停水，一整天没水了' } });
    expect(sameCaller.body.errors).toBeUndefined();
    const [best] = sameCaller.body.data.similarOpenTickets;
    expect(best.ticket.id).toBe(primary);
    expect(best.reasons.map((reason: { kind: string }) => reason.kind).sort()).toEqual(['NEARBY', 'SAME_CALLER', 'SIMILAR_TEXT']);
    expect(best.score).toBeGreaterThan(0.8);

    // a neighbour calling about the same outage: no shared phone, the rest holds
    const neighbour = await stack.graphql(SIMILAR, { input: { citizenPhone: '13700000002', categoryCode: 'water_outage', latitude: 32.3003, longitude: 118.3202, content: '我们小区停水了' } });
    const found = neighbour.body.data.similarOpenTickets.find((candidate: { ticket: { id: string } }) => candidate.ticket.id === primary);
    expect(found.reasons.map((reason: { kind: string }) => reason.kind)).toContain('NEARBY');
    expect(found.reasons.map((reason: { kind: string }) => reason.kind)).not.toContain('SAME_CALLER');
    expect(neighbour.body.data.similarOpenTickets.map((candidate: { ticket: { id: string } }) => candidate.ticket.id)).not.toContain(unrelated);

    repeat = await create({ citizenPhone: '13900000001', content: '丰乐大道88号小区还是停水，一整天没水了' });
    const onTicket = await stack.graphql('query ($id: ID!) { ticket(id: $id) { possibleRepeats { ticket { id } } } }', { id: repeat });
    expect(onTicket.body.data.ticket.possibleRepeats[0].ticket.id).toBe(primary);
  });

  it('merge: the repeat leaves the queues, follows the primary, and both trails show it', async () => {
    const dispatched = await dispatch(repeat);
    const withdrawnId = dispatched.body.data.dispatchTicket.assignments[0].id;
    const merged = await stack.graphql(MERGE, { id: repeat, into: primary, reason: '同一次停水 the same outage' });
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data.mergeTicket).toEqual({ status: 'MERGED', mergedInto: { id: primary } });

    const seen = await stack.graphql('query ($id: ID!) { ticket(id: $id) { repeatCount } repeat: ticket(id: $r) { assignments { id status } } }'.replace('$id: ID!)', '$id: ID!, $r: ID!)'), { id: primary, r: repeat });
    expect(seen.body.data.ticket.repeatCount).toBe(1);
    expect(seen.body.data.repeat.assignments).toEqual([{ id: withdrawnId, status: 'WITHDRAWN' }]);
    const queue = await stack.graphql('{ assignments(first: 200) { id } }', {}, { as: 'waterStaff' });
    expect(queue.body.errors).toBeUndefined();
    expect(queue.body.data.assignments.length).toBeGreaterThan(0);
    expect(queue.body.data.assignments.map((node: { id: string }) => node.id)).not.toContain(withdrawnId);

    expect(await trail(repeat)).toEqual(expect.arrayContaining(['ticket.merge', 'assignment.withdraw']));
    expect(await trail(primary)).toContain('ticket.repeat_merged');
    // a merged ticket is no longer a candidate
    const again = await stack.graphql(SIMILAR, { input: { citizenPhone: '13900000001' } });
    expect(again.body.data.similarOpenTickets.map((candidate: { ticket: { id: string } }) => candidate.ticket.id)).not.toContain(repeat);
  });

  it('refuses chains, a merge into itself, a reason-less merge, and department staff', async () => {
    const third = await create({ citizenPhone: '13900000003', content: '也停水了' });
    const intoMerged = await stack.graphql(MERGE, { id: third, into: repeat, reason: '同一次停水' });
    expect(intoMerged.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'intoTicketId' }, message: expect.stringContaining('itself merged') });
    const primaryAway = await stack.graphql(MERGE, { id: primary, into: third, reason: '同一次停水' });
    expect(primaryAway.body.errors[0].message).toMatch(/others were merged into/);
    expect((await stack.graphql(MERGE, { id: third, into: third, reason: '同一次停水' })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await stack.graphql(MERGE, { id: third, into: primary, reason: ' ' })).body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await stack.graphql(MERGE, { id: third, into: primary, reason: '同一次停水' }, { as: 'waterStaff' })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('unmerge: a wrong merge is undone, the ticket handled anew, both trails show it', async () => {
    const undone = await stack.graphql(UNMERGE, { id: repeat });
    expect(undone.body.errors).toBeUndefined();
    expect(undone.body.data.unmergeTicket).toEqual({ status: 'RECEIVED', mergedInto: null });
    expect(await trail(primary)).toContain('ticket.repeat_unmerged');
    expect((await dispatch(repeat)).body.errors).toBeUndefined();
    expect((await stack.graphql(UNMERGE, { id: repeat })).body.errors[0].extensions.code).toBe('ILLEGAL_TRANSITION');
  });
});
