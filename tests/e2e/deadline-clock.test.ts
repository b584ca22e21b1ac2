import { Assignment } from '../../subgraphs/intake/src/assignment/assignment.entity';
import { ClockLease } from '../../subgraphs/intake/src/clock/clock-lease.entity';
import { Ticket } from '../../subgraphs/intake/src/ticket/ticket.entity';
import { readClockConfig } from '../../subgraphs/intake/src/clock/clock-config';
import { DeadlineClock } from '../../subgraphs/intake/src/clock/deadline-clock';
import { readIntakeConfig } from '../../subgraphs/intake/src/config';
import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';

/** Issue 12, item 3: the centre's clock chases overdue work by itself, once, whichever replica runs it. */
const HOUR = 3_600_000;
let stack: Stack;

const intake = () => stack.subgraphs.intake.data.dataSource;
const clockConfig = readClockConfig({ CLOCK_INTERVAL_MS: '60000' });
const replica = (name: string) => new DeadlineClock(intake(), { ...readIntakeConfig({}), database: stack.database }, clockConfig, name);

async function dispatchedWithDeadline(hoursFromNow: number): Promise<{ ticketId: string; assignmentId: string }> {
  const ticketId = (await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'water_quality' }) })).body.data.createTicket.ticket.id;
  const dispatched = await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water'] } });
  const assignmentId = dispatched.body.data.dispatchTicket.ticket.assignments[0].id;
  const deadline = new Date(Date.now() + hoursFromNow * HOUR);
  await intake().getRepository(Assignment).update({ id: assignmentId }, { deadline });
  await intake().getRepository(Ticket).update({ id: ticketId }, { deadline });
  return { ticketId, assignmentId };
}

const expireLease = () => intake().getRepository(ClockLease).update({ name: 'deadline-clock' }, { expiresAt: new Date(Date.now() - 1000) });
const actions = async (ticketId: string) =>
  (await intake().query("SELECT action FROM audit_event WHERE ticketId = ? AND actorId = 'clock:deadlines' ORDER BY occurredAt", [ticketId])).map((row: { action: string }) => row.action);

describe.each(['mysql', 'embedded'] as const)('the deadline clock on %s', (engine) => {
  beforeAll(async () => {
    stack = await startStack({ engine });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('lights, urges and supervises once, with two replicas ticking at the same moment and after a take-over', async () => {
    const soon = await dispatchedWithDeadline(2); // 黄灯, due within the 4 h urge threshold
    const late = await dispatchedWithDeadline(-30); // 红灯, overdue by more than the 24 h escalation
    const calm = await dispatchedWithDeadline(72); // green: nothing to do

    const [first, second] = await Promise.all([replica('replica-a').tick(), replica('replica-b').tick()]);
    // the lease: exactly one of them ran the round
    expect([first, second].filter((report) => report === null)).toHaveLength(1);
    expect(first ?? second).toEqual({ lights: 2, urged: 2, supervised: 1 });

    // replica-a dies; once its lease expires replica-b takes over and finds nothing left to do
    await expireLease();
    expect(await replica('replica-b').tick()).toEqual({ lights: 0, urged: 0, supervised: 0 });
    expect(await replica('replica-b').tick()).toEqual({ lights: 0, urged: 0, supervised: 0 });

    expect(await actions(soon.ticketId)).toEqual(['assignment.light', 'assignment.urge']);
    expect(await actions(late.ticketId)).toEqual(['assignment.light', 'assignment.urge', 'ticket.supervise']);
    expect(await actions(calm.ticketId)).toEqual([]);
    const [urged] = await intake().query('SELECT urgeCount, light FROM assignment WHERE id = ?', [late.assignmentId]);
    expect({ urgeCount: Number(urged.urgeCount), light: urged.light }).toEqual({ urgeCount: 1, light: 'RED' });

    // what an operator sees
    const seen = await stack.graphql('query ($id: ID!) { ticket(id: $id) { supervision timing { light overdue } assignments { timing { light } urgeCount } } }', { id: late.ticketId });
    expect(seen.body.data.ticket).toMatchObject({ supervision: 'SUPERVISED', timing: { overdue: true }, assignments: [{ urgeCount: 1 }] });
    const soonSeen = await stack.graphql('query ($id: ID!) { ticket(id: $id) { assignments { timing { light } } } }', { id: soon.ticketId });
    expect(soonSeen.body.data.ticket.assignments[0].timing.light).toBe('YELLOW');
  });

  it('urges an overdue department again only after the repeat interval, and not after a person just did', async () => {
    const late = await dispatchedWithDeadline(-2);
    await expireLease();
    const clock = replica('replica-c');
    expect((await clock.tick())!.urged).toBeGreaterThanOrEqual(1);
    expect((await clock.tick())!.urged).toBe(0);
    // a day later it urges again
    expect((await clock.tick(new Date(Date.now() + 25 * HOUR)))!.urged).toBeGreaterThanOrEqual(1);
    const urges = (await actions(late.ticketId)).filter((action: string) => action === 'assignment.urge');
    expect(urges).toHaveLength(2);

    // a supervisor urged a moment ago: the clock does not urge on top of it
    const soon = await dispatchedWithDeadline(3);
    const byHand = await stack.graphql('mutation ($id: ID!) { urgeAssignment(input: { id: $id, note: "请今天处理" }) { assignment { urgeCount } } }', { id: soon.assignmentId }, { as: 'supervisor' });
    expect(byHand.body.errors).toBeUndefined();
    await clock.tick();
    expect(await actions(soon.ticketId)).toEqual(['assignment.light']);
  });
});
