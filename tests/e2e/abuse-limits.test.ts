import request, { type Response } from 'supertest';
import { TICKET_FIELDS } from '../support/operations';
import { tokenFor } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ sampleTickets: 60 });
});
afterAll(async () => {
  await stack?.close();
});

const DEPARTMENTS = '{ departments { code } }';

/** POSTs a raw JSON body (a batch, say) as the operator. */
async function post(body: unknown): Promise<Response> {
  return request(stack.gatewayUrl).post('/graphql').set({ authorization: `Bearer ${await tokenFor('operator')}` }).send(body as object);
}

/** 13 fields deep: tickets → nodes → transit → nearbyStops → stop → routes → stops → … → code. */
const TOO_DEEP = '{ tickets { nodes { transit { nearbyStops { stop { routes { stops { routes { stops { routes { stops { routes { code } } } } } } } } } } } } }';
/** 200 copies of a cheap field, each under its own alias. */
const ALIAS_BOMB = `{ ${Array.from({ length: 200 }, (_, i) => `d${i}: departments { code }`).join(' ')} }`;
/** Only 7 deep and no aliases, but every route's stops' routes' stops' …: 5^6 items. */
const ROUTES_AND_STOPS = 'busRoutes { stops { routes { stops { routes { stops { routes { code } } } } } } }';
/** 25 aliases (under the limit) of 500 poles each. */
const POLE_PAGES = `{ ${Array.from({ length: 25 }, (_, i) => `p${i}: lampPoles(first: 500) { code roadZh roadEn latitude longitude lampType status faultReportedAt installedAt }`).join(' ')} }`;

interface Abuse {
  name: string;
  send(): Promise<Response>;
  status: number;
  code: string;
}

const ABUSES: Abuse[] = [
  { name: 'a query nested deeper than 12 fields', send: () => stack.graphql(TOO_DEEP), status: 400, code: 'QUERY_TOO_DEEP' },
  { name: 'an alias bomb of 200 aliases', send: () => stack.graphql(ALIAS_BOMB), status: 400, code: 'TOO_MANY_ALIASES' },
  { name: 'routes of stops of routes of stops, nested', send: () => stack.graphql(`{ ${ROUTES_AND_STOPS} }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  {
    name: 'the same, next to a negative page size that would cancel its cost',
    send: () => stack.graphql(`{ tickets(first: -1000000) { totalCount } ${ROUTES_AND_STOPS} }`),
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
  },
  { name: '25 pages of 500 lamp poles', send: () => stack.graphql(POLE_PAGES), status: 400, code: 'QUERY_TOO_COMPLEX' },
  {
    name: 'a body over 100 KiB',
    send: () => stack.graphql(`${DEPARTMENTS}\n# ${'x'.repeat(110 * 1024)}`),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a batch of 1,000 operations',
    send: () => post(Array.from({ length: 1000 }, () => ({ query: DEPARTMENTS }))),
    status: 400,
    code: 'BATCH_TOO_LARGE',
  },
];

describe('the gateway refuses abusive requests, each with its own code', () => {
  it.each(ABUSES)('refuses $name with $code', async ({ send, status, code }) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions.code).toBe(code);
    expect(response.body.data ?? null).toBeNull();
  });

  it('says which limit was passed, and by how much', async () => {
    const deep = (await stack.graphql(TOO_DEEP)).body.errors[0].extensions;
    expect(deep).toMatchObject({ depth: 13, maxDepth: 12 });
    const complex = (await stack.graphql(`{ ${ROUTES_AND_STOPS} }`)).body.errors[0].extensions;
    expect(complex.maxComplexity).toBe(25000);
    expect(complex.complexity).toBeGreaterThan(25000);
  });

  it('serves a small batch, one result per operation', async () => {
    const response = await post([
      { query: DEPARTMENTS },
      { query: '{ tickets(first: 1) { totalCount } }' },
      { query: 'query Categories { categories { code } }' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(3);
    for (const result of response.body) expect(result.errors).toBeUndefined();
    expect(response.body[0].data.departments.length).toBeGreaterThan(0);
    expect(response.body[1].data.tickets.totalCount).toBe(60);
    expect(response.body[2].data.categories.length).toBeGreaterThan(0);
  });

  it("does not refuse the operator console's own ticket list", async () => {
    const response = await stack.graphql(`query Console($first: Int!) { tickets(first: $first) { totalCount nodes { ${TICKET_FIELDS} } } }`, { first: 50 });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.tickets.nodes).toHaveLength(50);
  });

  it('keeps serving other clients while the abusive requests come in', async () => {
    const normal = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? stack.graphql(DEPARTMENTS) : stack.graphql('{ tickets(first: 5) { totalCount nodes { number status } } }'),
    );
    const [abusive, served] = await Promise.all([Promise.all(ABUSES.map((abuse) => abuse.send())), Promise.all(normal)]);
    abusive.forEach((response, i) => expect(response.body.errors[0].extensions.code).toBe(ABUSES[i].code));
    for (const response of served) {
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.departments?.length ?? response.body.data.tickets.nodes.length).toBeGreaterThan(0);
    }
  });
});
