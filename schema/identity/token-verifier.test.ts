import { jwtVerify, SignJWT } from 'jose';
import { createTokenVerifier, VERIFIED_TOKEN_MS } from './token-verifier';

// the real check, watched: how many times a signature was verified is what remembering changes
jest.mock('jose', () => {
  const actual = jest.requireActual('jose');
  return { ...actual, jwtVerify: jest.fn(actual.jwtVerify) };
});
const checks = () => (jwtVerify as jest.Mock).mock.calls.length;

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes!';
const sign = (expiresAtSeconds: number, claims: Record<string, unknown> = { roles: ['OPERATOR'] }) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('operator-7').setIssuedAt().setExpirationTime(expiresAtSeconds).sign(new TextEncoder().encode(SECRET));

describe('bearer tokens checked once', () => {
  const start = Date.UTC(2026, 11, 3, 9, 0, 0);
  beforeEach(() => jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('serve the same identity again without checking the signature again, each caller its own copy', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret: SECRET });
    const token = await sign(start / 1000 + 3600);
    const before = checks();
    const first = await verify(`Bearer ${token}`);
    first.roles.push('SUPERVISOR' as never);
    expect(await verify(`Bearer ${token}`)).toEqual({ id: 'operator-7', roles: ['OPERATOR'], department: null, phone: null });
    expect(checks() - before).toBe(1);
  });

  it('stop counting at the expiry, however recently the token was checked', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret: SECRET });
    const token = await sign(start / 1000 + 5);
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ id: 'operator-7' });
    jest.setSystemTime(start + 4_000);
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ id: 'operator-7' });
    jest.setSystemTime(start + 5_000);
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ message: 'the token has expired', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('are checked again after the remembering time, and a token changed by one character is refused', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret: SECRET });
    const token = await sign(start / 1000 + 3600);
    await verify(`Bearer ${token}`);
    const before = checks();
    const tampered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    await expect(verify(`Bearer ${tampered}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    jest.setSystemTime(start + VERIFIED_TOKEN_MS - 1);
    await verify(`Bearer ${token}`);
    expect(checks() - before).toBe(1);
    jest.setSystemTime(start + VERIFIED_TOKEN_MS);
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ id: 'operator-7' });
    expect(checks() - before).toBe(2);
  });
});
