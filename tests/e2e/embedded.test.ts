import type { TokenRequest } from '../../gateway/src/auth/mint-token';
import { Role } from '../../schema/identity/roles';
import { CREATE_TICKET, DISPATCH_TICKET, TICKET_EVERYWHERE, ticketInput } from '../support/operations';
import { type Persona, PERSONAS } from '../support/personas';
import { fillPlaceholders, literalArgument, type ReadmeExample, readmeExamples } from '../support/readme-examples';
import { type Stack, startStack } from '../support/stack';
import { LISTED_TICKET_FIELDS, type ListedTicket, matchesTicketFilter } from '../support/ticket-filter-match';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ engine: 'embedded', sampleTickets: 30 });
});
afterAll(async () => {
  await stack?.close();
});

describe('the embedded default (SQLite files, no database server)', () => {
  it('serves the whole federation: intake, dispatch, and every department view', async () => {
    expect(stack.subgraphs.intake.data.dataSource.options.type).toBe('better-sqlite3');
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    const ticketId = created.body.data.createTicket.ticket.id;
    await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes: ['water', 'transit'] } });
    const response = await stack.graphql(TICKET_EVERYWHERE, { id: ticketId });
    expect(response.body.errors).toBeUndefined();
    const ticket = response.body.data.ticket;
    expect(ticket.assignments).toHaveLength(2);
    expect(ticket.water.outages.length).toBeGreaterThan(0);
    expect(ticket.streetlight.nearbyPoles.length).toBeGreaterThan(0);
    expect(ticket.transit.mentionedRoutes.map((route: { code: string }) => route.code)).toContain('1');
  });

  it('holds the seeded sample tickets', async () => {
    const response = await stack.graphql('{ tickets(first: 100) { totalCount } }');
    expect(response.body.data.tickets.totalCount).toBeGreaterThanOrEqual(30);
  });
});

/**
 * The README's examples, run as the README shows them (read at test time, so
 * this follows the README), one after another on one ticket: the README
 * creates it, dispatches it, asks everything about it, lists it, and water
 * staff open a work order on it. Each example needs a runner below saying who
 * sends it and what must come back; a fenced or curl example without one fails.
 */
describe('every GraphQL example of the README, on SQLite', () => {
  const examples = readmeExamples();
  /** Values for the README's placeholders, from earlier examples: `<id>` is the ticket the README creates. */
  const values: Record<string, string | null> = {};
  /** Every ticket this suite made, to say which ones a list must hold and which it must not. */
  const made: string[] = [];
  let citizenPhone: string | undefined;
  let dispatchedTo: string[] = [];

  const pagesThrough = (example: ReadmeExample) => example.text.includes('"<endCursor>"');
  // more matching tickets than the README's page holds, so its `after: "<endCursor>"` is really followed
  const pageSize = Math.max(0, ...examples.filter(pagesThrough).map((example) => Number(literalArgument(example, 'first') ?? 20)));

  beforeAll(async () => {
    const make = async (departmentCodes: string[], overrides: Record<string, unknown> = {}) => {
      const created = await stack.graphql(CREATE_TICKET, { input: ticketInput(overrides) });
      expect(created.body.errors).toBeUndefined();
      const ticketId = created.body.data.createTicket.ticket.id;
      if (departmentCodes.length) {
        const dispatched = await stack.graphql(DISPATCH_TICKET, { input: { ticketId, departmentCodes } });
        expect(dispatched.body.errors).toBeUndefined();
      }
      made.push(ticketId);
    };
    for (let i = 0; i <= pageSize; i += 1) await make(['water']);
    // each of these differs from the README's water list in one way
    await make(['transit']);
    await make(['water'], { channel: 'SMS' });
    await make([]);
    // water helps but does not lead: the list asks for any water assignment
    await make(['streetlight', 'water']);
  });

  /** Sends an example as `persona`; an inline span (a bare field call) is sent as `inline` says: `mutation { id }`. */
  async function send(example: ReadmeExample, persona: Persona, inline: string, more: Record<string, string | null> = {}) {
    const [, operation, selection] = /^(query|mutation) (\{.*\})$/.exec(inline)!;
    const document = example.operation ? example.text : `${operation} { ${example.text} ${selection} }`;
    const response = await stack.graphql(fillPlaceholders(document, { ...values, ...more }), {}, { as: persona });
    expect(response.body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    return response.body.data[example.rootField];
  }

  function staffOf(department: string): Persona {
    const persona = (Object.keys(PERSONAS) as Persona[]).find((name) => {
      const token: TokenRequest = PERSONAS[name];
      return token.dept === department && token.roles.includes(Role.DEPARTMENT_STAFF);
    });
    if (!persona) throw new Error(`no department-staff persona for ${department}`);
    return persona;
  }

  async function listAll(example: ReadmeExample, persona: Persona) {
    const nodes: ListedTicket[] = [];
    let endCursor: string | null = null;
    let pages = 0;
    let page;
    do {
      page = await send(example, persona, `query { totalCount pageInfo { hasNextPage endCursor } nodes { ${LISTED_TICKET_FIELDS} } }`, { endCursor });
      nodes.push(...page.nodes);
      endCursor = page.pageInfo.endCursor;
      pages += 1;
    } while (pagesThrough(example) && page.pageInfo.hasNextPage);
    return { nodes, pages, totalCount: page.totalCount as number, complete: !page.pageInfo.hasNextPage };
  }

  async function current(id: string): Promise<ListedTicket> {
    const response = await stack.graphql(`query($id: ID!) { ticket(id: $id) { ${LISTED_TICKET_FIELDS} } }`, { id });
    return response.body.data.ticket;
  }

  const RUNNERS: Record<string, (example: ReadmeExample) => Promise<void>> = {
    createTicket: async (example) => {
      const { ticket } = await send(example, 'operator', 'mutation { ticket { id number } }');
      expect(ticket.number).toMatch(/^12345-\d{8}-\d{6}$/);
      values.id = ticket.id;
      made.push(ticket.id);
      citizenPhone = (literalArgument(example, 'input') as { citizenPhone: string }).citizenPhone;
    },
    dispatchTicket: async (example) => {
      const { ticket } = await send(example, 'operator', 'mutation { ticket { status deadline } }');
      expect(ticket.status).toBe('DISPATCHED');
      expect(Date.parse(ticket.deadline)).toBeGreaterThan(Date.now());
      dispatchedTo = (literalArgument(example, 'input') as { departmentCodes: string[] }).departmentCodes;
    },
    ticket: async (example) => {
      // the centre sees the citizen's number; the leading department's staff see it masked
      for (const persona of ['operator', staffOf(dispatchedTo[0])] as Persona[]) {
        const ticket = await send(example, persona, 'query { status }');
        expect(ticket.status).toBe('DISPATCHED');
        expect(ticket.assignments).toHaveLength(dispatchedTo.length);
        expect(ticket.assignments.filter((assignment: { lead: boolean }) => assignment.lead)).toHaveLength(1);
        for (const view of ['water', 'streetlight', 'transit']) if (view in ticket) expect(ticket[view]).not.toBeNull();
        if ('citizenPhone' in ticket && persona === 'operator') expect(ticket.citizenPhone).toBe(citizenPhone);
        if ('citizenPhone' in ticket && persona !== 'operator') expect(ticket.citizenPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
      }
    },
    tickets: async (example) => {
      const filter = (literalArgument(example, 'filter') ?? {}) as Record<string, unknown>;
      for (const persona of ['operator', staffOf((filter.departmentCode as string | undefined) ?? 'water')] as Persona[]) {
        const scope = (PERSONAS[persona] as TokenRequest).dept;
        const list = await listAll(example, persona);
        const ids = list.nodes.map((node) => node.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(list.nodes.length).toBeGreaterThan(0);
        expect(list.nodes.filter((node) => !matchesTicketFilter(node, filter, scope))).toEqual([]);
        if (pagesThrough(example)) expect(list.pages).toBeGreaterThan(1);
        if (!list.complete) continue;
        expect(list.totalCount).toBe(ids.length);
        // of the tickets made here, exactly those that match are listed
        const mine = await Promise.all(made.map(current));
        expect(mine.filter((ticket) => matchesTicketFilter(ticket, filter, scope)).length).toBeGreaterThan(0);
        expect(mine.filter((ticket) => ids.includes(ticket.id) !== matchesTicketFilter(ticket, filter, scope))).toEqual([]);
      }
    },
    createWaterWorkOrder: async (example) => {
      const { workOrder: order } = await send(example, 'waterStaff', 'mutation { workOrder { id ticketId status description } }');
      expect(order.ticketId).toBe(values.id);
      expect(order.description).toBe((literalArgument(example, 'input') as { description: string }).description);
    },
    // the oversight examples' figures are tested in oversight-month.test.ts; here: they run, on SQLite, as shown
    oversightSummary: async (example) => {
      const summary = await send(example, 'supervisor', 'query { __typename }');
      expect(summary.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', previousFrom: '2026-10-01' });
      expect(summary.figures.completionRate).toEqual({ numerator: expect.any(Number), denominator: expect.any(Number), value: null });
    },
    departmentRanking: async (example) => {
      expect(Array.isArray((await send(example, 'auditor', 'query { __typename }')).entries)).toBe(true);
    },
    departmentPerformance: async (example) => {
      expect((await send(example, 'operator', 'query { __typename }')).figures).toMatchObject({ received: 0, onTime: 0 });
    },
  };

  it('shows the examples this suite relies on', () => {
    expect(examples.map((example) => example.rootField)).toEqual(expect.arrayContaining(['createTicket', 'dispatchTicket', 'ticket', 'tickets']));
  });

  // inline spans name many fields in passing; only those with a runner are examples to run
  for (const example of examples.filter((candidate) => candidate.source !== 'inline' || candidate.rootField in RUNNERS)) {
    it(`${example.source}: ${example.text.replace(/\s+/g, ' ').slice(0, 100)}`, async () => {
      const run = RUNNERS[example.rootField];
      if (!run) throw new Error(`the README shows ${example.rootField}: add a runner saying who sends it and what it must return`);
      await run(example);
    });
  }
});
