import request, { type Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { EXPORT_ALIASES, fragmentChain, FULL_PAGE, HEAVY_BATCH, SEVENTY_KB_CHAIN } from '../support/bombs';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { type Persona, tokenFor } from '../support/personas';
import { type Stack, startStack } from '../support/stack';
import { serviceMetrics } from '../../schema/observability/metrics-registry';

/**
 * Issue 10, item 2: the bombs a hostile tester sent, refused before Apollo
 * parses and validates them (the limits used to run after both: a 70 KB
 * fragment chain cost 0.46 s of gateway CPU, from anyone, token or not).
 */
let stack: Stack;
let intake: DataSource;
beforeAll(async () => {
  stack = await startStack();
  intake = stack.subgraphs.intake.data.dataSource;
});
afterAll(async () => {
  await stack?.close();
});

const tickets = async () => Number((await intake.query('SELECT COUNT(*) AS n FROM ticket'))[0].n);

/** Operations Apollo handled (its metrics plugin times each one it receives) and requests refused in front of it. */
async function gatewayCounts() {
  const registry = serviceMetrics('gateway');
  const sum = async (name: string, match: (labels: Record<string, unknown>) => boolean) =>
    (await registry.getSingleMetric(name)!.get()).values.filter((v) => match(v.labels)).reduce((n, v) => n + v.value, 0);
  return {
    handledByApollo: await sum('graphql_request_duration_seconds', (labels) => labels.le === '+Inf'),
    refused: await sum('graphql_errors_total', (labels) => labels.code === 'UNAUTHENTICATED'),
  };
}

async function post(body: unknown, as: Persona | null = 'operator'): Promise<Response> {
  const authorization: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {};
  return request(stack.gatewayUrl).post('/graphql').set(authorization).send(body as object);
}

function expectRefused(response: Response, status: number, code: string): Record<string, unknown> {
  expect(response.status).toBe(status);
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors[0].extensions.code).toBe(code);
  expect(response.body.data ?? null).toBeNull();
  return response.body.errors[0].extensions;
}

describe('bombs without a token are refused before they are read', () => {
  it('answers the 70 KB fragment chain with 401, not with its validation errors', async () => {
    expect(SEVENTY_KB_CHAIN.length).toBeGreaterThan(70_000);
    const before = await gatewayCounts();
    const response = await post({ query: SEVENTY_KB_CHAIN }, null);
    expectRefused(response, 401, 'UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    // counted in /metrics as refused, and never handed to Apollo
    expect(await gatewayCounts()).toEqual({ handledByApollo: before.handledByApollo, refused: before.refused + 1 });
  });

  it('does not even parse: a document that is not GraphQL gets 401, not a syntax error', async () => {
    expectRefused(await post({ query: '{ this is } not { GraphQL' }, null), 401, 'UNAUTHENTICATED');
    expectRefused(await post('not even JSON', null), 401, 'UNAUTHENTICATED');
  });

  it('refuses a forged token the same way, before the body', async () => {
    const response = await request(stack.gatewayUrl).post('/graphql').set({ authorization: 'Bearer forged.token.value' }).send({ query: SEVENTY_KB_CHAIN });
    expectRefused(response, 401, 'UNAUTHENTICATED');
  });
});

describe('bombs with a token are refused by their shape, before validation', () => {
  it('stops parsing the 70 KB chain at 2,000 tokens: TOO_MANY_TOKENS, no validation errors', async () => {
    const extensions = expectRefused(await post({ query: SEVENTY_KB_CHAIN }), 400, 'TOO_MANY_TOKENS');
    expect(extensions.maxTokens).toBe(2000);
  });

  it('measures a short fragment chain by what it expands to: TOO_MANY_FIELDS', async () => {
    const extensions = expectRefused(await post({ query: fragmentChain(30) }), 400, 'TOO_MANY_FIELDS');
    expect(extensions).toMatchObject({ fields: 2 ** 30 * 2, maxFields: 1000 });
  });

  it('refuses a flood of directives: TOO_MANY_DIRECTIVES', async () => {
    const query = `{ departments ${'@include(if: true) '.repeat(60)}{ code } }`;
    expect(expectRefused(await post({ query }), 400, 'TOO_MANY_DIRECTIVES')).toMatchObject({ directives: 60, maxDirectives: 50 });
  });

  it('counts aliases inside fragments once per use: TOO_MANY_ALIASES', async () => {
    const query = `{ ${Array.from({ length: 8 }, (_, i) => `s${i}: departments { ...Codes }`).join(' ')} } fragment Codes on Department { a: code b: code c: code d: code }`;
    expect(expectRefused(await post({ query }), 400, 'TOO_MANY_ALIASES')).toMatchObject({ aliases: 8 + 8 * 4, maxAliases: 30 });
  });

  it('checks a GET query string as it checks a POST body', async () => {
    const deep = '{ tickets { nodes { transit { nearbyStops { stop { routes { stops { routes { stops { routes { stops { routes { code } } } } } } } } } } } } }';
    const response = await request(stack.gatewayUrl)
      .get('/graphql')
      .query({ query: deep })
      .set({ authorization: `Bearer ${await tokenFor('operator')}`, 'apollo-require-preflight': 'true' });
    expect(expectRefused(response, 400, 'QUERY_TOO_DEEP')).toMatchObject({ depth: 13 });
  });

  it('runs no hash-only (persisted) query: it would carry no text to check', async () => {
    const response = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(response.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(response.body.data).toBeUndefined();
  });
});

describe('cost counts what an export and a batch return', () => {

  it('refuses 30 aliases of exportAuditEvents: each costs its 10,000 rows', async () => {
    const extensions = expectRefused(await post({ query: EXPORT_ALIASES }, 'auditor'), 400, 'QUERY_TOO_COMPLEX');
    expect(extensions).toMatchObject({ complexity: 30 * 10_001, maxComplexity: 25_000 });
  });

  it('still serves an auditor one export', async () => {
    const response = await post({ query: '{ exportAuditEvents(format: JSON) }' }, 'auditor');
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(JSON.parse(response.body.data.exportAuditEvents)).toEqual(expect.any(Array));
  });

  it('refuses a batch of 10 full 100-ticket pages by their summed cost: BATCH_TOO_COMPLEX', async () => {
    const extensions = expectRefused(await post(HEAVY_BATCH), 400, 'BATCH_TOO_COMPLEX');
    expect(extensions.maxBatchComplexity).toBe(50_000);
    expect(extensions.complexity).toBeGreaterThan(50_000);
  });

  it('costs the same text again by its page size and flags, not from what an earlier request cost', async () => {
    // estimates are remembered per text, page size and @include flag: a cheap first use must not let a big one through
    const query = 'query Pages($n: Int, $id: ID!, $more: Boolean!) { tickets(first: $n) { nodes { id assignments { id } } } ticket(id: $id) @include(if: $more) { id } }';
    const cheap = await post({ query, variables: { n: 5, id: 'a', more: false } });
    expect(cheap.status).toBe(200);
    expect((await post({ query, variables: { n: 5, id: 'b', more: true } })).status).toBe(200);
    const extensions = expectRefused(await post({ query, variables: { n: 100_000, id: 'c', more: false } }), 400, 'QUERY_TOO_COMPLEX');
    expect(extensions.complexity).toBeGreaterThan(25_000);
    expect((await post({ query, variables: { n: 5, id: 'd', more: false } })).status).toBe(200);
  });

  it('serves a batch of two such pages', async () => {
    const response = await post([{ query: FULL_PAGE }, { query: FULL_PAGE }]);
    expect(response.status).toBe(200);
    expect(response.body.map((result: { errors?: unknown }) => result.errors)).toEqual([undefined, undefined]);
  });

  it('checks every entry of a batch before any runs: one too deep, and the ticket beside it is not created', async () => {
    const before = await tickets();
    const response = await post([
      { query: CREATE_TICKET, variables: { input: ticketInput() } },
      { query: `{ departments ${'@skip(if: false) '.repeat(51)}{ code } }` },
    ]);
    expect(expectRefused(response, 400, 'TOO_MANY_DIRECTIVES')).toMatchObject({ batchIndex: 1 });
    expect(await tickets()).toBe(before);
  });
});
