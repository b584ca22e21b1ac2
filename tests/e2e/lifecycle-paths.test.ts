import { WorkingCalendar } from '../../subgraphs/intake/src/deadline/working-calendar';
import { CALENDAR_DAYS } from '../../seeds/intake/calendar';
import { newTicket, ok, run, ticketState } from '../support/lifecycle-steps';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

async function auditActions(ticketId: string): Promise<string[]> {
  const rows = await stack.subgraphs.intake.data.dataSource.query('SELECT action FROM audit_event WHERE ticketId = ? ORDER BY occurredAt, action', [ticketId]);
  return rows.map((row: { action: string }) => row.action);
}

describe('a ticket from intake to archive', () => {
  it('is answered directly and closed at intake', async () => {
    const { ticketId } = await newTicket(stack);
    expect((await ok(stack, 'answer', { id: ticketId })).status).toBe('ANSWERED');
    expect(await auditActions(ticketId)).toEqual(['ticket.created', 'ticket.answer']);
  });

  it('is answered from a knowledge-base article, which the ticket then names', async () => {
    const found = await stack.graphql('{ knowledgeArticles(search: "停水") { id titleZh } }');
    const article = found.body.data.knowledgeArticles[0];
    const answer = 'mutation($id: ID!, $article: ID) { answerTicket(input: { id: $id, answer: "已告知恢复供水时间", articleId: $article }) { ticket { status answeredWith { id titleZh } } } }';
    const { ticketId } = await newTicket(stack);
    const unknown = await stack.graphql(answer, { id: ticketId, article: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'articleId' });
    const answered = await stack.graphql(answer, { id: ticketId, article: article.id });
    expect(answered.body.data.answerTicket.ticket).toEqual({ status: 'ANSWERED', answeredWith: article });
  });

  it('goes to one department: accepted, handled, reported, satisfied, closed, archived', async () => {
    const { ticketId, assignmentIds: [id] } = await newTicket(stack, ['water']);
    await ok(stack, 'accept', { id });
    await ok(stack, 'start', { id });
    expect((await ticketState(stack, ticketId)).status).toBe('DISPATCHED');
    await ok(stack, 'reportResult', { id });
    expect((await ticketState(stack, ticketId)).status).toBe('RESULT_REPORTED');
    expect((await ok(stack, 'callback', { id: ticketId, result: 'SATISFIED' })).status).toBe('CLOSED');
    const closed = await ticketState(stack, ticketId);
    expect(closed.assignments[0].status).toBe('FINISHED');
    expect(closed.callbacks).toEqual([{ result: 'SATISFIED' }]);
    expect((await ok(stack, 'archive', { id: ticketId })).status).toBe('ARCHIVED');
    expect(await auditActions(ticketId)).toEqual(
      expect.arrayContaining(['assignment.accept', 'assignment.start', 'assignment.reportResult', 'ticket.result_reported', 'ticket.callback', 'ticket.archive']),
    );
  });

  it('is returned by the wrong department and re-dispatched to the right one', async () => {
    const { ticketId, assignmentIds: [wrong] } = await newTicket(stack, ['water']);
    expect((await ok(stack, 'return', { id: wrong })).status).toBe('RETURNED');
    expect((await ticketState(stack, ticketId)).status).toBe('RETURNED');
    const again = await ok(stack, 'dispatch', { input: { ticketId, departmentCodes: ['streetlight'] } });
    expect(again.status).toBe('DISPATCHED');
    const statuses = again.assignments.map((a: { status: string; department: { code: string } }) => `${a.department.code}:${a.status}`);
    expect(statuses.sort()).toEqual(['streetlight:PENDING', 'water:RETURNED']);
  });

  it('gets more time when a supervisor grants an extension: the deadline moves by those working days', async () => {
    const { ticketId, assignmentIds: [id] } = await newTicket(stack, ['water']);
    await ok(stack, 'accept', { id });
    const before = (await ticketState(stack, ticketId)).assignments[0].deadline;
    expect((await ok(stack, 'requestExtension', { id })).status).toBe('EXTENSION_REQUESTED');
    const granted = await ok(stack, 'grantExtension', { id });
    const calendar = new WorkingCalendar(CALENDAR_DAYS, 'Asia/Shanghai');
    expect(granted).toMatchObject({ status: 'IN_PROGRESS', extensionsGranted: 1 });
    expect(granted.deadline).toBe(calendar.addWorkingDays(new Date(before), 3).toISOString());
    expect((await ticketState(stack, ticketId)).deadline).toBe(granted.deadline);
  });

  it('reopens when the citizen is not satisfied, then closes with a written explanation', async () => {
    const { ticketId, assignmentIds: [id] } = await newTicket(stack, ['water']);
    await ok(stack, 'accept', { id });
    await ok(stack, 'reportResult', { id });
    expect((await ok(stack, 'callback', { id: ticketId, result: 'NOT_SATISFIED' })).status).toBe('REOPENED');
    const closed = await ok(stack, 'closeWithExplanation', { id: ticketId });
    expect(closed.status).toBe('CLOSED');
    expect(closed.closeExplanation).toMatch(/书面说明/);
  });

  it('closes a ticket with two departments only after both have reported', async () => {
    const { ticketId, assignmentIds: [waterId, streetlightId] } = await newTicket(stack, ['water', 'streetlight']);
    await ok(stack, 'accept', { id: waterId });
    await ok(stack, 'reportResult', { id: waterId });
    expect((await ticketState(stack, ticketId)).status).toBe('DISPATCHED');
    const early = await run(stack, 'callback', { id: ticketId, result: 'SATISFIED' });
    expect(early.errors[0].extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'DISPATCHED', transition: 'callback' });
    await ok(stack, 'accept', { id: streetlightId }, 'streetlightStaff');
    await ok(stack, 'reportResult', { id: streetlightId }, 'streetlightStaff');
    expect((await ticketState(stack, ticketId)).status).toBe('RESULT_REPORTED');
    expect((await ok(stack, 'callback', { id: ticketId, result: 'BASICALLY_SATISFIED' })).status).toBe('CLOSED');
  });

  it('is urged and supervised: urges are counted, supervision tightens the deadline', async () => {
    const { ticketId, assignmentIds: [id] } = await newTicket(stack, ['water']);
    await ok(stack, 'urge', { id });
    expect((await ok(stack, 'urge', { id })).urgeCount).toBe(2);
    const before = await ticketState(stack, ticketId);
    const supervised = await ok(stack, 'supervise', { id: ticketId });
    expect(supervised.supervision).toBe('SUPERVISED');
    const calendar = new WorkingCalendar(CALENDAR_DAYS, 'Asia/Shanghai');
    expect(new Date(supervised.deadline).getTime()).toBeLessThan(new Date(before.deadline).getTime());
    expect(new Date(supervised.deadline).getTime()).toBeLessThanOrEqual(calendar.addWorkingDays(new Date(), 3).getTime());
  });
});

describe('deadlines as the consoles see them', () => {
  it('reports time remaining, and the department queue lists what is due', async () => {
    const { ticketId } = await newTicket(stack, ['water'], { categoryCode: 'water_pipe_burst' });
    const state = await ticketState(stack, ticketId);
    expect(state.timing.overdue).toBe(false);
    expect(state.timing.dueSoon).toBe(true);
    expect(state.timing.secondsRemaining).toBeGreaterThan(23 * 3600);
    const queue = await stack.graphql('{ assignments(filter: { dueWithinHours: 25 }) { id ticket { id } department { code } } }', {}, { as: 'waterStaff' });
    expect(queue.body.data.assignments.map((a: { ticket: { id: string } }) => a.ticket.id)).toContain(ticketId);
    expect(new Set(queue.body.data.assignments.map((a: { department: { code: string } }) => a.department.code))).toEqual(new Set(['water']));
    const backlog = await stack.graphql('{ departmentBacklog { departmentCode active dueSoon } }', {}, { as: 'supervisor' });
    expect(backlog.body.data.departmentBacklog).toEqual(expect.arrayContaining([expect.objectContaining({ departmentCode: 'water' })]));
  });
});

describe('the city calendar, kept through the API', () => {
  const SET = 'mutation ($input: SetCalendarDaysInput!) { setCalendarDays(input: $input) { days { date kind name } } }';
  const day = (date: string, name = '测试假日 Test holiday') => ({ date, kind: 'HOLIDAY', name, source: '测试通知 test notice' });

  it('takes a system administrator\'s days, by date, and refuses a malformed one naming the field', async () => {
    const set = await stack.graphql(SET, { input: { days: [day('2099-01-02'), day('2099-01-01')] } }, { as: 'systemAdmin' });
    expect(set.body.errors).toBeUndefined();
    expect(set.body.data.setCalendarDays.days.map((d: { date: string }) => d.date)).toEqual(['2099-01-01', '2099-01-02']);
    const year = await stack.graphql('{ workingCalendar(year: 2099) { date name } }', {}, { as: 'operator' });
    expect(year.body.data.workingCalendar).toEqual([{ date: '2099-01-01', name: '测试假日 Test holiday' }, { date: '2099-01-02', name: '测试假日 Test holiday' }]);

    const malformed = await stack.graphql(SET, { input: { days: [day('next friday')] } }, { as: 'systemAdmin' });
    expect(malformed.body.errors[0]).toMatchObject({ message: 'date must be YYYY-MM-DD', extensions: { code: 'BAD_USER_INPUT', fields: ['days.0.date'] } });
    const twice = await stack.graphql(SET, { input: { days: [day('2099-01-05'), day('2099-01-05')] } }, { as: 'systemAdmin' });
    expect(twice.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'days' } });
    expect((await stack.graphql(SET, { input: { days: [day('2099-01-06')] } }, { as: 'operator' })).body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
