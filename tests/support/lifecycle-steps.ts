import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from './operations';
import type { Persona } from './personas';
import type { Stack } from './stack';

/** The lifecycle's operations as the consoles send them, each by the persona whose job it is. */
export const STEPS = {
  answer: { as: 'operator', query: 'mutation($id: ID!) { answerTicket(input: { id: $id, answer: "已告知办理流程 Told the caller how to apply" }) { ticket { id status version } } }' },
  dispatch: { as: 'operator', query: DISPATCH_TICKET },
  callback: {
    as: 'operator',
    query: 'mutation($id: ID!, $result: CallbackResult!) { recordCallback(input: { ticketId: $id, result: $result, note: "回访" }) { ticket { id status version } } }',
  },
  closeWithExplanation: {
    as: 'operator',
    query: 'mutation($id: ID!) { closeWithExplanation(input: { ticketId: $id, explanation: "诉求超出政策范围，已书面说明 Beyond policy; explained in writing" }) { ticket { id status closeExplanation version } } }',
  },
  supervise: { as: 'supervisor', query: 'mutation($id: ID!) { superviseTicket(input: { ticketId: $id, level: SUPERVISED }) { ticket { id status supervision deadline version } } }' },
  archive: { as: 'supervisor', query: 'mutation($id: ID!) { archiveTicket(input: { ticketId: $id }) { ticket { id status version } } }' },
  accept: { as: 'waterStaff', query: 'mutation($id: ID!, $v: Int) { acceptAssignment(input: { id: $id, expectedVersion: $v }) { assignment { id status version } } }' },
  return: { as: 'waterStaff', query: 'mutation($id: ID!) { returnAssignment(input: { id: $id, reason: "属供电公司职责 The power company owns this" }) { assignment { id status } } }' },
  start: { as: 'waterStaff', query: 'mutation($id: ID!) { startAssignment(input: { id: $id }) { assignment { id status } } }' },
  requestExtension: {
    as: 'waterStaff',
    query: 'mutation($id: ID!) { requestExtension(input: { id: $id, workingDays: 3, reason: "需更换主管道 The main must be replaced" }) { assignment { id status deadline } } }',
  },
  grantExtension: { as: 'supervisor', query: 'mutation($id: ID!) { grantExtension(input: { id: $id }) { assignment { id status deadline extensionsGranted } } }' },
  refuseExtension: { as: 'supervisor', query: 'mutation($id: ID!) { refuseExtension(input: { id: $id, reason: "时限内可完成 It can be done in time" }) { assignment { id status } } }' },
  reportResult: { as: 'waterStaff', query: 'mutation($id: ID!) { reportResult(input: { id: $id, result: "已修复，恢复供水 Repaired; supply restored" }) { assignment { id status } } }' },
  merge: {
    as: 'operator',
    query: 'mutation($id: ID!) { mergeTicket(input: { ticketId: $id, intoTicketId: "00000000-0000-4000-8000-000000000000", reason: "同一处停水 the same outage" }) { ticket { id status } } }',
  },
  unmerge: { as: 'operator', query: 'mutation($id: ID!) { unmergeTicket(input: { ticketId: $id, reason: "不是同一问题 not the same problem" }) { ticket { id status } } }' },
  object: { as: 'waterStaff', query: 'mutation($id: ID!) { objectToDispatch(input: { id: $id, reason: "管网属开发商自管 The estate runs its own pipes" }) { assignment { id status } } }' },
  upholdObjection: { as: 'supervisor', query: 'mutation($id: ID!) { upholdObjection(input: { id: $id, note: "经核实属实 Verified" }) { assignment { id status } } }' },
  refuseObjection: { as: 'supervisor', query: 'mutation($id: ID!) { refuseObjection(input: { id: $id, note: "属供水职责 The water company owns it" }) { assignment { id status } } }' },
  urge: { as: 'supervisor', query: 'mutation($id: ID!) { urgeAssignment(input: { id: $id, note: "请加快办理 Please hurry" }) { assignment { id status urgeCount } } }' },
} satisfies Record<string, { as: Persona; query: string }>;

export type StepName = keyof typeof STEPS;

/** Runs a step; returns the response body. */
export async function run(stack: Stack, step: StepName, variables: Record<string, unknown>, as?: Persona) {
  const { query, as: persona } = STEPS[step];
  return (await stack.graphql(query, variables, { as: as ?? persona })).body;
}

/** The one object a mutation's payload holds (`{ assignment }`, `{ ticket }` …). */
export function payloadObject(data: Record<string, any>): Record<string, any> {
  const [payload] = Object.values(data);
  return Object.values(payload as Record<string, any>)[0];
}

/** Runs a step that must succeed and returns what its payload holds: the assignment or the ticket. */
export async function ok(stack: Stack, step: StepName, variables: Record<string, unknown>, as?: Persona) {
  const body = await run(stack, step, variables, as);
  if (body.errors) throw new Error(`${step} failed: ${JSON.stringify(body.errors)}`);
  return payloadObject(body.data);
}

/** A new ticket, dispatched to `departments` when given; returns its id and the first assignment's id. */
export async function newTicket(stack: Stack, departments: string[] = [], overrides: Record<string, unknown> = {}) {
  const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'other', ...overrides }) });
  const ticketId: string = created.body.data.createTicket.ticket.id;
  if (!departments.length) return { ticketId, assignmentIds: [] as string[] };
  const dispatched = await ok(stack, 'dispatch', { input: { ticketId, departmentCodes: departments } });
  return { ticketId, assignmentIds: dispatched.assignments.map((a: { id: string }) => a.id) as string[] };
}

export async function ticketState(stack: Stack, ticketId: string) {
  const response = await stack.graphql(
    `query($id: ID!) { ticket(id: $id) { status version deadline supervision closeExplanation
      timing { overdue dueSoon secondsRemaining }
      assignments { id status version deadline department { code } } callbacks { result } } }`,
    { id: ticketId },
    { as: 'supervisor' },
  );
  return response.body.data.ticket;
}
