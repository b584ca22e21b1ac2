import request from 'supertest';
import { payloadObject, STEPS } from '../lifecycle-steps';
import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../operations';
import { type Persona, tokenFor } from '../personas';
import { type Stack, startStack } from '../stack';
import { drainIntoOversight, followerFor } from './follow-feed';
import { type Department, OWN, type PlannedTicket, type Role, SCENARIOS, type Step } from './month-plan';

export interface TicketState {
  ticketId: string;
  /** The newest assignment of each role's department. */
  assignments: Partial<Record<Role, string>>;
}

/** A caller of the gateway whose tokens outlive the month the clock is moved through. */
export function monthCaller(gatewayUrl: string) {
  return async (persona: Persona, query: string, variables: Record<string, unknown>) => {
    const token = await tokenFor(persona, { expiresIn: '90d' });
    const response = await request(gatewayUrl).post('/graphql').set({ authorization: `Bearer ${token}` }).send({ query, variables });
    return response.body as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };
}

const RATE = 'mutation($id: ID!, $rating: CallbackResult!) { rateTicket(input: { ticketId: $id, rating: $rating, comment: "评价 rated" }) { rating { rating } } }';

async function runStep(call: ReturnType<typeof monthCaller>, ticket: PlannedTicket, state: TicketState, step: Step): Promise<void> {
  const ok = async (persona: Persona, query: string, variables: Record<string, unknown>) => {
    const body = await call(persona, query, variables);
    if (body.errors || !body.data) throw new Error(`ticket ${ticket.index} (${ticket.scenario}) ${step.kind} failed: ${JSON.stringify(body.errors)}`);
    return payloadObject(body.data);
  };
  const department = (role: Role): Department => ticket.departments[role]!;
  switch (step.kind) {
    case 'create': {
      const input = ticketInput({ categoryCode: ticket.category, channel: ticket.channel, district: ticket.district });
      state.ticketId = (await ok('operator', CREATE_TICKET, { input })).id;
      return;
    }
    case 'answer':
      return void (await ok('operator', STEPS.answer.query, { id: state.ticketId }));
    case 'dispatch': {
      const code = department(step.to);
      const dispatched = await ok('operator', DISPATCH_TICKET, { input: { ticketId: state.ticketId, departmentCodes: [code] } });
      state.assignments[step.to] = dispatched.assignments.find((a: { status: string; department: { code: string } }) => a.department.code === code && a.status === 'PENDING').id;
      return;
    }
    case 'assignment': {
      const persona = STEPS[step.step].as === 'supervisor' ? 'supervisor' : OWN[department(step.of)].staff;
      return void (await ok(persona, STEPS[step.step].query, { id: state.assignments[step.of] }));
    }
    case 'supervise':
      return void (await ok('supervisor', STEPS.supervise.query, { id: state.ticketId }));
    case 'callback':
      return void (await ok('operator', STEPS.callback.query, { id: state.ticketId, result: step.result }));
    case 'closeWithExplanation':
      return void (await ok('operator', STEPS.closeWithExplanation.query, { id: state.ticketId }));
    case 'rate':
      return void (await ok('citizen', RATE, { id: state.ticketId, rating: step.rating }));
  }
}

/**
 * Plays the month through the gateway in time order: before each step the
 * clock is set to the step's instant (never back), so every service stamps it
 * as it would have happened, and deadlines really pass.
 */
export async function runMonth(gatewayUrl: string, plan: PlannedTicket[], setClock: (at: number) => void): Promise<Map<number, TicketState>> {
  const call = monthCaller(gatewayUrl);
  const states = new Map(plan.map((ticket) => [ticket.index, { ticketId: '', assignments: {} } as TicketState]));
  const steps = plan
    .flatMap((ticket) => (SCENARIOS[ticket.scenario].steps as Array<[number, Step]>).map(([offset, step], order) => ({ at: ticket.start + offset, order, ticket, step })))
    .sort((a, b) => a.at - b.at || a.ticket.index - b.ticket.index || a.order - b.order);
  for (const { at, ticket, step } of steps) {
    setClock(at);
    await runStep(call, ticket, states.get(ticket.index)!, step);
  }
  return states;
}

/**
 * A stack that lived through the planned November, with oversight caught up,
 * at 22:00 on its last day. Only Date is faked: timers, I/O and the relays
 * run in real time, while every service reads the month's clock. Call from
 * beforeAll, and leaveMonth from afterAll.
 */
export async function playMonth(plan: PlannedTicket[]): Promise<{ stack: Stack; call: ReturnType<typeof monthCaller> }> {
  jest.useFakeTimers({
    now: Date.parse('2026-11-01T08:00:00+08:00'),
    advanceTimers: true,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
  const stack = await startStack({ relay: true });
  await runMonth(stack.gatewayUrl, plan, (at) => jest.setSystemTime(Math.max(Date.now(), at)));
  jest.setSystemTime(Date.parse('2026-11-30T22:00:00+08:00'));
  await drainIntoOversight(stack, followerFor(stack));
  return { stack, call: monthCaller(stack.gatewayUrl) };
}

export async function leaveMonth(stack: Stack | undefined): Promise<void> {
  await stack?.close();
  jest.useRealTimers();
}
