import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { Role } from '../../schema/identity/roles';
import { DEVELOPMENT_SCHEMA_READ_TOKEN } from '../../schema/identity/schema-reader';
import { IDENTITY_HEADER, signIdentity } from '../../schema/identity/signed-identity';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { signedAsGateway, testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const QUERIES: Record<string, string> = {
  intake: '{ tickets(first: 1) { totalCount } }',
  water: '{ supplyZones { code } }',
  streetlight: '{ lampPoles(first: 1) { code } }',
  transit: '{ busRoutes { code } }',
};
const OPERATOR = { id: 'operator-007', roles: [Role.OPERATOR] };
const CITIZEN = { id: 'citizen-zhang', roles: [Role.CITIZEN], phone: '13912345678' };
const url = (subgraph: string) => stack.subgraphs[subgraph as keyof Stack['subgraphs']].url;

async function post(subgraph: string, headers: Record<string, string>, body: Record<string, unknown> = { query: QUERIES[subgraph] }) {
  return request(url(subgraph)).post('/graphql').set(headers).send(body);
}

function expectRefused(response: request.Response, message?: RegExp) {
  expect(response.status).toBe(401);
  expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  if (message) expect(response.body.errors[0].message).toMatch(message);
  expect(response.body.data ?? null).toBeNull();
}

describe.each(Object.keys(QUERIES))('a request straight to the %s subgraph', (subgraph) => {
  it('is served when the gateway signed it', async () => {
    const response = await post(subgraph, await signedAsGateway(OPERATOR, subgraph, QUERIES[subgraph]));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('is refused without a signature', async () => {
    expectRefused(await post(subgraph, {}));
  });

  it('is refused when the identity was tampered with', async () => {
    const headers = await signedAsGateway(OPERATOR, subgraph, QUERIES[subgraph]);
    const [header, claims, signature] = headers[IDENTITY_HEADER].split('.');
    const raised = { ...JSON.parse(Buffer.from(claims, 'base64url').toString()), roles: [Role.SYSTEM_ADMIN] };
    expectRefused(await post(subgraph, { [IDENTITY_HEADER]: `${header}.${Buffer.from(JSON.stringify(raised)).toString('base64url')}.${signature}` }));
  });

  it('is refused when signed with a forged key, for another operation, for another subgraph, or long ago', async () => {
    const gateway = testKeys('gateway');
    const forger = { ...gateway, signer: { ...gateway.signer, privateKey: generateKeyPairSync('ed25519').privateKey } };
    expectRefused(await post(subgraph, await signIdentity(OPERATOR, forger, subgraph, { query: QUERIES[subgraph] })));
    expectRefused(await post(subgraph, await signedAsGateway(OPERATOR, subgraph, '{ __typename }')), /does not match this request/);
    const elsewhere = subgraph === 'water' ? 'transit' : 'water';
    expectRefused(await post(subgraph, await signedAsGateway(OPERATOR, elsewhere, QUERIES[subgraph])), /for another service/);
    expectRefused(await post(subgraph, await signedAsGateway(OPERATOR, subgraph, QUERIES[subgraph], Date.now() - 5 * 60_000)), /expired/);
  });

  it('is refused when a captured signature is replayed, even unchanged', async () => {
    const headers = await signedAsGateway(OPERATOR, subgraph, QUERIES[subgraph]);
    expect((await post(subgraph, headers)).status).toBe(200);
    expectRefused(await post(subgraph, headers), /already been used/);
  });
});

describe('a captured intake signature', () => {
  const READ = 'query Read($id: ID!) { ticket(id: $id) { id citizenPhone } }';

  it('cannot be replayed with other variables, as a GET, or to create a second ticket', async () => {
    const mine = (await stack.graphql(CREATE_TICKET, { input: ticketInput() }, { as: 'citizen' })).body.data.createTicket.ticket.id;
    const theirs = (await stack.graphql(CREATE_TICKET, { input: ticketInput({ citizenPhone: '13800001111' }) }, { as: 'otherCitizen' })).body.data.createTicket.ticket.id;
    const captured = await signedAsGateway(CITIZEN, 'intake', { query: READ, variables: { id: mine } });
    // the attacker swaps the ticket id: another citizen's phone number was read this way
    expectRefused(await post('intake', captured, { query: READ, variables: { id: theirs } }), /does not match this request/);
    // the same text as a GET: a GET was checked against a signature over the empty string
    const get = await request(url('intake')).get('/graphql').query({ query: READ, variables: JSON.stringify({ id: theirs }) }).set({ ...captured, 'apollo-require-preflight': 'true' });
    expectRefused(get);
    const honest = await post('intake', captured, { query: READ, variables: { id: mine } });
    expect(honest.body.data.ticket).toEqual({ id: mine, citizenPhone: expect.stringContaining('8') });

    const input = ticketInput({ content: '重放攻击 replay attempt' });
    const create = await signedAsGateway(CITIZEN, 'intake', { query: CREATE_TICKET, operationName: 'Create', variables: { input } });
    const first = await post('intake', create, { query: CREATE_TICKET, operationName: 'Create', variables: { input } });
    expect(first.body.data.createTicket.ticket.id).toBeTruthy();
    expectRefused(await post('intake', create, { query: CREATE_TICKET, operationName: 'Create', variables: { input } }), /already been used/);
    const stored = await stack.subgraphs.intake.data.dataSource.query('SELECT COUNT(*) AS n FROM ticket WHERE content = ?', [input.content]);
    expect(Number(stored[0].n)).toBe(1);
  });
});

describe('a department key', () => {
  const READ = '{ tickets(first: 1) { totalCount } }';

  it('speaks for its own relay but cannot assert an operator to intake', async () => {
    const water = testKeys('water');
    expectRefused(await post('intake', await signIdentity(OPERATOR, water, 'intake', { query: READ }), { query: READ }), /may not speak for operator-007/);
  });

  it('speaks for a caller only with the hop the gateway sent it, for that caller', async () => {
    const water = testKeys('water');
    const toWater = (await signedAsGateway(OPERATOR, 'water', QUERIES.water))[IDENTITY_HEADER];
    const continued = await signIdentity(OPERATOR, water, 'intake', { query: READ }, { onBehalfOf: toWater });
    expect((await post('intake', continued, { query: READ })).body.errors).toBeUndefined();
    // the gateway's hop named the operator; water cannot turn it into a system administrator
    const raised = await signIdentity({ id: 'operator-007', roles: [Role.SYSTEM_ADMIN] }, water, 'intake', { query: READ }, { onBehalfOf: toWater });
    expectRefused(await post('intake', raised, { query: READ }), /did not send it/);
    // a hop the gateway sent transit does not let water speak
    const toTransit = (await signedAsGateway(OPERATOR, 'transit', QUERIES.transit))[IDENTITY_HEADER];
    expectRefused(await post('intake', await signIdentity(OPERATOR, water, 'intake', { query: READ }, { onBehalfOf: toTransit }), { query: READ }));
  });
});

describe('a schema-read token (what a department CI holds)', () => {
  const bearer = { authorization: `Bearer ${DEVELOPMENT_SCHEMA_READ_TOKEN}` };

  it('reads the subgraph SDL, as rover subgraph introspect does', async () => {
    const response = await post('water', bearer, { query: '{ _service { sdl } }' });
    expect(response.status).toBe(200);
    expect(response.body.data._service.sdl).toContain('type SupplyZone');
  });

  it('opens nothing else, and a wrong token opens nothing', async () => {
    expectRefused(await post('water', bearer, { query: QUERIES.water }), /nothing else/);
    expectRefused(await post('intake', bearer, { query: '{ _service { sdl } ticket(id: "1") { citizenPhone } }' }), /nothing else/);
    expectRefused(await post('water', bearer, { query: 'query($x: Boolean!) { _service @include(if: $x) { sdl } }', variables: { x: true } }), /nothing else/);
    expectRefused(await post('water', { authorization: 'Bearer not-the-token' }, { query: '{ _service { sdl } }' }), /does not accept that token/);
  });
});
