import { SignJWT } from 'jose';
import type { Response } from 'supertest';
import { tokenFor, TEST_TOKEN_SECRET } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const DEPARTMENTS = '{ departments { code } }';
const TICKET_COUNT = '{ tickets(first: 1) { totalCount } }';
const OPERATOR_CLAIMS = { roles: ['OPERATOR'] };

function sign(claims: Record<string, unknown>, { secret = TEST_TOKEN_SECRET, expires = '1h' as string | number } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('operator-007')
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** POSTs with exactly this Authorization header, as a client holding a bad token would. */
const withAuthorization = (authorization: string) => stack.graphql(DEPARTMENTS, {}, { as: null, headers: { authorization } });

/** Refused as unauthenticated, and the body says nothing about how the server works inside. */
function expectRefused(response: Response) {
  expect(response.status).toBe(401);
  expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(response.body.data ?? null).toBeNull();
  const text = JSON.stringify(response.body);
  expect(text).not.toMatch(/stack/i);
  expect(text).not.toMatch(/\.ts:|\.js:|node_modules/);
  expect(text).not.toMatch(/jose|JWS|JWT|signature verification/i);
}

describe('bearer tokens at the gateway', () => {
  it('serves an operator holding a valid token', async () => {
    const response = await stack.graphql(DEPARTMENTS);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.departments.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['water', 'streetlight', 'transit']));
  });

  it('refuses an expired token', async () => {
    const expired = await sign(OPERATOR_CLAIMS, { expires: Math.floor(Date.now() / 1000) - 60 });
    const response = await withAuthorization(`Bearer ${expired}`);
    expectRefused(response);
    expect(response.body.errors[0].message).toMatch(/expired/);
  });

  it('refuses a malformed token', async () => {
    expectRefused(await withAuthorization('Bearer abc.def'));
  });

  it('refuses a token signed with another secret', async () => {
    expectRefused(await withAuthorization(`Bearer ${await sign(OPERATOR_CLAIMS, { secret: 'someone-else-entirely-0123456789abcdef' })}`));
  });

  it('refuses an unsigned (alg: none) token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'operator-007', roles: ['OPERATOR', 'SYSTEM_ADMIN'], iat: now, exp: now + 3600 })}.`;
    expectRefused(await withAuthorization(`Bearer ${unsigned}`));
  });

  it('refuses an Authorization header that is not "Bearer <token>"', async () => {
    const token = await tokenFor('operator');
    for (const header of [token, `Basic ${Buffer.from('operator:secret').toString('base64')}`, `Bearer ${token} extra`, 'Bearer']) {
      expectRefused(await withAuthorization(header));
    }
  });

  it('refuses a validly signed token whose role is not one of ours', async () => {
    expectRefused(await withAuthorization(`Bearer ${await sign({ roles: ['ROOT'] })}`));
    expectRefused(await withAuthorization(`Bearer ${await sign({ roles: 'OPERATOR' })}`));
    expectRefused(await withAuthorization(`Bearer ${await sign({})}`));
  });

  it('lets no one without a token list tickets', async () => {
    const response = await stack.graphql(TICKET_COUNT, {}, { as: null });
    // the gateway refuses an anonymous caller at its door (no operation is public by default); intake's role check would too
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(response.body.data?.tickets ?? null).toBeNull();
    expect(JSON.stringify(response.body)).not.toMatch(/stack|\.ts:|node_modules/i);
    // nor where the subgraph lives, nor what it answered the gateway
    expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|localhost|"response"/);
  });
});
