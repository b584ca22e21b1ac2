import { CREATE_TICKET, DISPATCH_TICKET, ticketInput } from '../support/operations';
import type { Persona } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

/**
 * Every role, every subgraph: at least one thing it may do and one it may not.
 * Ticket A belongs to the `citizen` persona and is assigned to water; ticket B
 * belongs to someone else and is assigned to streetlight.
 */
let stack: Stack;
let ticketA: string;
let ticketB: string;
let assignmentA: string;

beforeAll(async () => {
  stack = await startStack();
  const create = async (phone: string, department: string) => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ citizenPhone: phone }) });
    const id = created.body.data.createTicket.ticket.id;
    const dispatched = await stack.graphql(DISPATCH_TICKET, { input: { ticketId: id, departmentCodes: [department] } });
    assignmentA ??= dispatched.body.data.dispatchTicket.ticket.assignments[0].id;
    return id;
  };
  ticketA = await create('13912345678', 'water');
  ticketB = await create('13800001111', 'streetlight');
});
afterAll(async () => {
  await stack?.close();
});

type Call = { query: string; variables?: () => Record<string, unknown> };
const ticketById = (id: () => string): Call => ({ query: 'query($id: ID!) { ticket(id: $id) { id } }', variables: () => ({ id: id() }) });
const A = () => ticketA;
const B = () => ticketB;

const CALLS = {
  ticketA: ticketById(A),
  ticketB: ticketById(B),
  list: { query: '{ tickets(first: 5) { totalCount } }' },
  createTicket: { query: CREATE_TICKET, variables: () => ({ input: ticketInput() }) },
  dispatchB: { query: DISPATCH_TICKET, variables: () => ({ input: { ticketId: ticketB, departmentCodes: ['parks'] } }) },
  saveCategory: {
    query: 'mutation($input: CategoryInput!) { saveCategory(input: $input) { category { code } } }',
    variables: () => ({ input: { code: 'noise', nameZh: '噪声扰民', nameEn: 'Noise nuisance', departmentCode: 'construction' } }),
  },
  zones: { query: '{ supplyZones { code } }' },
  poles: { query: '{ lampPoles(first: 1) { code } }' },
  routes: { query: '{ busRoutes { code } }' },
  waterOrderA: workOrder('Water', A),
  waterOrderB: workOrder('Water', B),
  streetlightOrderA: workOrder('Streetlight', A),
  streetlightOrderB: workOrder('Streetlight', B),
  transitOrderA: workOrder('Transit', A),
  urgeA: { query: 'mutation($id: ID!) { urgeAssignment(input: { id: $id, note: "催办" }) { assignment { urgeCount } } }', variables: () => ({ id: assignmentA }) },
  acceptA: { query: 'mutation($id: ID!) { acceptAssignment(input: { id: $id }) { assignment { status } } }', variables: () => ({ id: assignmentA }) },
  grantA: { query: 'mutation($id: ID!) { grantExtension(input: { id: $id }) { assignment { status } } }', variables: () => ({ id: assignmentA }) },
  callbackA: { query: 'mutation($id: ID!) { recordCallback(input: { ticketId: $id, result: SATISFIED }) { ticket { status } } }', variables: () => ({ id: ticketA }) },
  queue: { query: '{ assignments { id } }' },
  backlog: { query: '{ departmentBacklog { departmentCode } }' },
} satisfies Record<string, Call>;

function workOrder(prefix: string, ticket: () => string): Call {
  return {
    query: `mutation($input: ${prefix}CreateWorkOrderInput!) { create${prefix}WorkOrder(input: $input) { workOrder { id } } }`,
    variables: () => ({ input: { ticketId: ticket(), description: '现场核查 On-site check' } }),
  };
}

type CallName = keyof typeof CALLS;
/** [persona, subgraph, allowed call, refused call, the refusal's code] */
const MATRIX: [Persona, string, CallName, CallName, string][] = [
  ['citizen', 'intake', 'ticketA', 'ticketB', 'FORBIDDEN'],
  ['citizen', 'intake', 'createTicket', 'dispatchB', 'FORBIDDEN'],
  ['citizen', 'water', 'zones', 'waterOrderA', 'FORBIDDEN'],
  ['citizen', 'streetlight', 'poles', 'streetlightOrderB', 'FORBIDDEN'],
  ['citizen', 'transit', 'routes', 'transitOrderA', 'FORBIDDEN'],
  ['operator', 'intake', 'createTicket', 'saveCategory', 'FORBIDDEN'],
  ['operator', 'water', 'zones', 'waterOrderA', 'FORBIDDEN'],
  ['operator', 'streetlight', 'poles', 'streetlightOrderB', 'FORBIDDEN'],
  ['operator', 'transit', 'routes', 'transitOrderA', 'FORBIDDEN'],
  ['supervisor', 'intake', 'list', 'saveCategory', 'FORBIDDEN'],
  ['supervisor', 'water', 'zones', 'waterOrderA', 'FORBIDDEN'],
  ['supervisor', 'streetlight', 'poles', 'streetlightOrderB', 'FORBIDDEN'],
  ['supervisor', 'transit', 'routes', 'transitOrderA', 'FORBIDDEN'],
  ['waterStaff', 'intake', 'ticketA', 'ticketB', 'FORBIDDEN'],
  ['waterStaff', 'water', 'waterOrderA', 'waterOrderB', 'NOT_ASSIGNED'],
  ['waterStaff', 'streetlight', 'poles', 'streetlightOrderB', 'FORBIDDEN'],
  ['waterStaff', 'transit', 'routes', 'transitOrderA', 'FORBIDDEN'],
  ['waterAdmin', 'intake', 'list', 'createTicket', 'FORBIDDEN'],
  ['waterAdmin', 'water', 'zones', 'waterOrderB', 'NOT_ASSIGNED'],
  ['streetlightStaff', 'intake', 'ticketB', 'ticketA', 'FORBIDDEN'],
  ['streetlightStaff', 'streetlight', 'streetlightOrderB', 'streetlightOrderA', 'NOT_ASSIGNED'],
  ['streetlightStaff', 'water', 'zones', 'waterOrderA', 'FORBIDDEN'],
  ['transitStaff', 'transit', 'routes', 'transitOrderA', 'NOT_ASSIGNED'],
  ['auditor', 'intake', 'ticketB', 'createTicket', 'FORBIDDEN'],
  ['auditor', 'intake', 'list', 'dispatchB', 'FORBIDDEN'],
  ['auditor', 'water', 'zones', 'waterOrderA', 'FORBIDDEN'],
  ['auditor', 'streetlight', 'poles', 'streetlightOrderB', 'FORBIDDEN'],
  ['auditor', 'transit', 'routes', 'transitOrderA', 'FORBIDDEN'],
  ['observer', 'intake', 'list', 'createTicket', 'FORBIDDEN'],
  ['observer', 'water', 'zones', 'waterOrderA', 'FORBIDDEN'],
  ['observer', 'streetlight', 'poles', 'streetlightOrderB', 'FORBIDDEN'],
  ['observer', 'transit', 'routes', 'transitOrderA', 'FORBIDDEN'],
  ['systemAdmin', 'intake', 'saveCategory', 'createTicket', 'FORBIDDEN'],
  // the lifecycle: each step belongs to a role
  ['supervisor', 'intake', 'urgeA', 'acceptA', 'FORBIDDEN'],
  ['operator', 'intake', 'backlog', 'grantA', 'FORBIDDEN'],
  ['waterStaff', 'intake', 'queue', 'urgeA', 'FORBIDDEN'],
  ['streetlightStaff', 'intake', 'queue', 'acceptA', 'FORBIDDEN'],
  ['auditor', 'intake', 'backlog', 'urgeA', 'FORBIDDEN'],
  ['observer', 'intake', 'backlog', 'callbackA', 'FORBIDDEN'],
  ['citizen', 'intake', 'ticketA', 'queue', 'FORBIDDEN'],
  ['systemAdmin', 'water', 'zones', 'waterOrderA', 'FORBIDDEN'],
  ['systemAdmin', 'streetlight', 'poles', 'streetlightOrderB', 'FORBIDDEN'],
  ['systemAdmin', 'transit', 'routes', 'transitOrderA', 'FORBIDDEN'],
];

async function run(name: CallName, as: Persona) {
  const call: Call = CALLS[name];
  return (await stack.graphql(call.query, call.variables?.() ?? {}, { as })).body;
}

describe.each(MATRIX)('%s on %s', (persona, _subgraph, allowed, refused, code) => {
  it(`may ${allowed}`, async () => {
    const body = await run(allowed, persona);
    expect(body.errors).toBeUndefined();
    expect(Object.values(body.data)[0]).not.toBeNull();
  });

  it(`may not ${refused} (${code})`, async () => {
    const body = await run(refused, persona);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
  });
});

describe('nobody signed in', () => {
  it('is refused everywhere with UNAUTHENTICATED', async () => {
    for (const name of ['list', 'zones', 'poles', 'routes', 'createTicket'] as CallName[]) {
      const call: Call = CALLS[name];
      const body = (await stack.graphql(call.query, call.variables?.() ?? {}, { as: null })).body;
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('what a list shows depends on who asks', () => {
  it('shows department staff only their department and citizens only their own tickets', async () => {
    const nodes = async (as: Persona) =>
      (await stack.graphql('{ tickets(first: 100) { nodes { id } } }', {}, { as })).body.data.tickets.nodes.map((n: { id: string }) => n.id);
    expect(await nodes('waterStaff')).toContain(ticketA);
    expect(await nodes('waterStaff')).not.toContain(ticketB);
    expect(await nodes('streetlightStaff')).toEqual([ticketB]);
    expect(await nodes('otherCitizen')).toEqual([ticketB]);
    const refused = await stack.graphql('{ tickets(first: 5, filter: { departmentCode: "streetlight" }) { totalCount } }', {}, { as: 'waterStaff' });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('files a citizen\'s own request under their own phone, whatever they type', async () => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ citizenPhone: '13700000000' }) }, { as: 'otherCitizen' });
    const id = created.body.data.createTicket.ticket.id;
    const seen = await stack.graphql('query($id: ID!) { ticket(id: $id) { citizenPhone } }', { id }, { as: 'otherCitizen' });
    expect(seen.body.data.ticket.citizenPhone).toBe('13800001111');
  });
});
