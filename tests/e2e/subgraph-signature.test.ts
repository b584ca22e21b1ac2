import request from 'supertest';
import { Role } from '../../schema/identity/roles';
import { IDENTITY_HEADER, signIdentity } from '../../schema/identity/signed-identity';
import { TEST_SIGNING_SECRET } from '../support/personas';
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

async function post(subgraph: string, headers: Record<string, string>, query = QUERIES[subgraph]) {
  return request(stack.subgraphs[subgraph as keyof Stack['subgraphs']].url).post('/graphql').set(headers).send({ query });
}

function expectRefused(response: request.Response) {
  expect(response.status).toBe(401);
  expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(response.body.data ?? null).toBeNull();
}

describe.each(Object.keys(QUERIES))('a request straight to the %s subgraph', (subgraph) => {
  it('is served when the gateway signed it', async () => {
    const response = await post(subgraph, signIdentity(OPERATOR, TEST_SIGNING_SECRET, QUERIES[subgraph]));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('is refused without a signature', async () => {
    expectRefused(await post(subgraph, {}));
  });

  it('is refused when the identity was tampered with', async () => {
    const headers = signIdentity(OPERATOR, TEST_SIGNING_SECRET, QUERIES[subgraph]);
    const identity = JSON.parse(Buffer.from(headers[IDENTITY_HEADER], 'base64url').toString());
    identity.roles = [Role.SYSTEM_ADMIN];
    expectRefused(await post(subgraph, { ...headers, [IDENTITY_HEADER]: Buffer.from(JSON.stringify(identity)).toString('base64url') }));
  });

  it('is refused when signed with another secret, for another operation, or long ago', async () => {
    expectRefused(await post(subgraph, signIdentity(OPERATOR, 'some-other-secret-0123456789abcdefgh', QUERIES[subgraph])));
    expectRefused(await post(subgraph, signIdentity(OPERATOR, TEST_SIGNING_SECRET, '{ __typename }')));
    expectRefused(await post(subgraph, signIdentity(OPERATOR, TEST_SIGNING_SECRET, QUERIES[subgraph], Date.now() - 5 * 60_000)));
  });
});
