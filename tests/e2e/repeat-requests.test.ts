import type { FeedFollower } from '../../subgraphs/oversight/src/feed/feed-follower';
import { ok } from '../support/lifecycle-steps';
import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import { drainIntoOversight, followerFor, oversightRows, rebuildFromStack } from '../support/oversight/follow-feed';
import { type Stack, startStack } from '../support/stack';

/** Issue 12, item 1: one problem, one ticket (重复诉求并单处理). */
let stack: Stack;
let follower: FeedFollower;
beforeAll(async () => {
  stack = await startStack({ relay: true });
  follower = followerFor(stack);
});
afterAll(async () => {
  await stack?.close();
});

const PLACE = { latitude: 32.3001, longitude: 118.3201 };
const SIMILAR = `query ($input: SimilarTicketsInput!) { similarOpenTickets(input: $input) { score reasons { kind detail } ticket { id number } } }`;
const MERGE = 'mutation ($id: ID!, $into: ID!, $reason: String!) { mergeTicket(input: { ticketId: $id, intoTicketId: $into, reason: $reason }) { ticket { status mergedInto { id } } } }';
const UNMERGE = 'mutation ($id: ID!) { unmergeTicket(input: { ticketId: $id, reason: "不是同一小区 a different estate" }) { ticket { status mergedInto { id } } } }';

async function create(overrides: Record<string, unknown>, as: 'operator' | 'citizen' = 'operator'): Promise<string> {
  const response = await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'water_outage', ...PLACE, ...overrides }) }, { as });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data.createTicket.ticket.id;
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
    const withdrawnId = dispatched.body.data.dispatchTicket.ticket.assignments[0].id;
    const merged = await stack.graphql(MERGE, { id: repeat, into: primary, reason: '同一次停水 the same outage' });
    expect(merged.body.errors).toBeUndefined();
    expect(merged.body.data.mergeTicket.ticket).toEqual({ status: 'MERGED', mergedInto: { id: primary } });

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
    expect(undone.body.data.unmergeTicket.ticket).toEqual({ status: 'RECEIVED', mergedInto: null });
    expect(await trail(primary)).toContain('ticket.repeat_unmerged');
    expect((await dispatch(repeat)).body.errors).toBeUndefined();
    expect((await stack.graphql(UNMERGE, { id: repeat })).body.errors[0].extensions.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('a merged repeat, to the end', () => {
  // the year around today: the counts are read before and after, and compared
  const TODAY = () => ({ kind: 'YEAR', date: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) });
  const COUNTS = 'received repeated dispatched closed satisfied notSatisfied reopened';
  const figures = async () => {
    await drainIntoOversight(stack, follower);
    const response = await stack.graphql(
      `query($period: PeriodInput!) { oversightSummary(period: $period) { figures { ${COUNTS} } } departmentPerformance(departmentCode: "water", period: $period) { figures { ${COUNTS} } } }`,
      { period: TODAY() },
      { as: 'supervisor' },
    );
    expect(response.body.errors).toBeUndefined();
    return { centre: response.body.data.oversightSummary.figures, water: response.body.data.departmentPerformance.figures };
  };
  const delta = (after: Record<string, number>, before: Record<string, number>) => Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]]));
  const TICKET = `query ($id: ID!) { ticket(id: $id) { status mergedInto { id } notices { kind text sentAt } callbacks { result } } }`;
  const CALLBACK = 'mutation ($id: ID!, $result: CallbackResult!) { recordCallback(input: { ticketId: $id, result: $result }) { ticket { status mergedInto { id } } } }';
  const waterQueue = async () => (await stack.graphql('{ assignments(first: 200) { id ticket { id } } }', {}, { as: 'waterStaff' })).body.data.assignments.map((node: { ticket: { id: string } }) => node.ticket.id);

  it("follows the primary's result: one queue item, the repeat's citizen told and called back, oversight counting the problem once", async () => {
    const before = await figures();
    const first = await create({ citizenPhone: '13912345678', content: '长江路12号门口水管爆裂，水流满街' });
    const { assignments: [lead] } = await ok(stack, 'dispatch', { input: { ticketId: first, departmentCodes: ['water'] } });
    const second = await create({ citizenPhone: '13800001111', content: '长江路12号水管爆了，路上全是水' });
    // dispatched before the centre saw it was the same: the merge withdraws it
    await ok(stack, 'dispatch', { input: { ticketId: second, departmentCodes: ['water'] } });
    expect((await stack.graphql(MERGE, { id: second, into: first, reason: '同一处爆管 the same burst main' })).body.errors).toBeUndefined();
    const queue = await waterQueue();
    expect(queue.filter((id: string) => id === first || id === second)).toEqual([first]);

    await ok(stack, 'accept', { id: lead.id });
    await ok(stack, 'reportResult', { id: lead.id });
    const repeat = (await stack.graphql(TICKET, { id: second })).body.data.ticket;
    expect(repeat).toMatchObject({ status: 'RESULT_REPORTED', mergedInto: { id: first }, callbacks: [] });
    expect(repeat.notices).toEqual([{ kind: 'MERGED_RESULT', sentAt: null, text: expect.stringContaining('已修复，恢复供水') }]);
    expect(repeat.notices[0].text).toMatch(/与工单 12345-\d{8}-\d+ 为同一问题[\s\S]*Your request 12345-/);
    // the repeat's citizen reads it on their own ticket; the primary's citizen cannot read the repeat
    const asCitizen = await stack.graphql('query ($id: ID!) { ticket(id: $id) { notices { text } } }', { id: second }, { as: 'otherCitizen' });
    expect(asCitizen.body.data.ticket.notices[0].text).toContain('Repaired; supply restored');
    expect((await stack.graphql('query ($id: ID!) { ticket(id: $id) { id } }', { id: second }, { as: 'citizen' })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await trail(second)).toEqual(expect.arrayContaining(['ticket.merge', 'assignment.withdraw', 'ticket.primary_result']));

    // two citizens called back
    expect((await stack.graphql(CALLBACK, { id: first, result: 'SATISFIED' })).body.data.recordCallback.ticket.status).toBe('CLOSED');
    expect((await stack.graphql(CALLBACK, { id: second, result: 'SATISFIED' })).body.data.recordCallback.ticket).toEqual({ status: 'CLOSED', mergedInto: { id: first } });

    const after = await figures();
    // one problem: received once, repeated once, dispatched once (the withdrawn dispatch does not count), closed and judged once
    expect(delta(after.centre, before.centre)).toEqual({ received: 1, repeated: 1, dispatched: 1, closed: 1, satisfied: 1, notSatisfied: 0, reopened: 0 });
    expect(delta(after.water, before.water)).toEqual({ received: 1, repeated: 1, dispatched: 1, closed: 1, satisfied: 1, notSatisfied: 0, reopened: 0 });
  });

  it('a merge into a ticket that has its result passes it on at once; a citizen not content is handled on their own, and counted again', async () => {
    const before = await figures();
    const first = await create({ citizenPhone: '13600000001', content: '湖滨路3号停水两天' });
    const { assignments: [lead] } = await ok(stack, 'dispatch', { input: { ticketId: first, departmentCodes: ['water'] } });
    await ok(stack, 'accept', { id: lead.id });
    await ok(stack, 'reportResult', { id: lead.id });
    const late = await create({ citizenPhone: '13600000002', content: '湖滨路3号没有水' });
    const merged = await stack.graphql(`mutation ($id: ID!, $into: ID!) { mergeTicket(input: { ticketId: $id, intoTicketId: $into, reason: "同一次停水 the same outage" }) { ticket { status notices { kind } } } }`, { id: late, into: first });
    expect(merged.body.data.mergeTicket.ticket).toEqual({ status: 'RESULT_REPORTED', notices: [{ kind: 'MERGED_RESULT' }] });
    expect((await figures()).centre.repeated - before.centre.repeated).toBe(1);

    const notContent = await stack.graphql(CALLBACK, { id: late, result: 'NOT_SATISFIED' });
    expect(notContent.body.data.recordCallback.ticket).toEqual({ status: 'REOPENED', mergedInto: null });
    expect(await trail(first)).toEqual(expect.arrayContaining(['ticket.repeat_merged', 'ticket.repeat_unmerged']));
    expect((await stack.graphql(DISPATCH_TICKET, { input: { ticketId: late, departmentCodes: ['water'] } })).body.errors).toBeUndefined();

    const after = await figures();
    // two requests of their own now; the repeat's verdict judged the primary's result and is not counted
    expect(delta(after.centre, before.centre)).toMatchObject({ received: 2, repeated: 0, dispatched: 2, notSatisfied: 0, reopened: 0 });
  });

  it('an undone merge counts the ticket as a request of its own again', async () => {
    const before = await figures();
    const first = await create({ citizenPhone: '13600000003', content: '淮河路路口消火栓漏水' });
    const second = await create({ citizenPhone: '13600000004', content: '淮河路口消防栓在漏水' });
    await stack.graphql(MERGE, { id: second, into: first, reason: '同一个消火栓 the same hydrant' });
    expect((await figures()).centre.repeated - before.centre.repeated).toBe(1);
    expect((await stack.graphql(UNMERGE, { id: second })).body.data.unmergeTicket.ticket).toEqual({ status: 'RECEIVED', mergedInto: null });
    expect(delta((await figures()).centre, before.centre)).toMatchObject({ received: 2, repeated: 0 });
  });

  it('are counted the same by a rebuild from the events', async () => {
    const incremental = await oversightRows(stack);
    const report = await rebuildFromStack(stack);
    expect(report.skipped).toBe(0);
    expect(await oversightRows(stack)).toEqual(incremental);
  });
});
