import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportSPKI, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { DEVELOPMENT_TOKEN_SECRET } from '../../schema/identity/auth-config';
import { developmentSigner, generateHopKey } from '../../schema/identity/hop-keys';
import { DEVELOPMENT_SCHEMA_READ_TOKEN } from '../../schema/identity/schema-reader';
import { type Persona, PERSONAS, trustInTests } from '../support/personas';
import { buildOnce } from '../support/process-stack';
import { freePort, ServiceProcess } from '../support/service-process';
import { type Stack, startStack } from '../support/stack';

/** Issue 10, item 4: a gateway started with NODE_ENV=production behaves as one, or does not start. */
let privateKey: KeyLike;
let publicPem: string;
/** The gateway's own hop key, as npm run env:generate makes it; the in-process subgraphs trust its public half. */
const hopKey = generateHopKey('gateway:2026-12');
const developmentJwk = { ...developmentSigner('gateway').privateKey.export({ format: 'jwk' }), kid: 'gateway:2026-12' };
beforeAll(async () => {
  buildOnce();
  const keys = await generateKeyPair('RS256');
  privateKey = keys.privateKey;
  publicPem = await exportSPKI(keys.publicKey);
  trustInTests(hopKey.publicJwk, hopKey.privateJwk);
});

/** A token as the city's identity provider would sign it (RS256). */
function tokenFor(persona: Persona): Promise<string> {
  const { sub, roles, ...rest } = PERSONAS[persona] as { sub: string; roles: string[]; dept?: string; phone?: string };
  return new SignJWT({ roles, ...rest }).setProtectedHeader({ alg: 'RS256' }).setSubject(sub).setIssuedAt().setExpirationTime('10m').sign(privateKey);
}

async function productionEnv(extra: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    GATEWAY_PORT: String(await freePort()),
    HOP_SIGNING_KEY: JSON.stringify(hopKey.privateJwk),
    HOP_TRUSTED_KEYS: JSON.stringify({ keys: [hopKey.publicJwk] }),
    AUTH_PUBLIC_KEY: publicPem,
    ...extra,
  };
}

describe('a production gateway refuses to start with a development secret, naming the variable', () => {
  const cases: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['the development hop key under a key id of its own', { HOP_SIGNING_KEY: JSON.stringify(developmentJwk) }, /HOP_SIGNING_KEY is a development key/],
    ['the development hop key as such', { HOP_SIGNING_KEY: JSON.stringify({ ...developmentJwk, kid: 'gateway:development' }) }, /HOP_SIGNING_KEY is a development key/],
    ['no hop key (the derived development one would be used)', { HOP_SIGNING_KEY: undefined }, /HOP_SIGNING_KEY is required/],
    ['a key of another service', { HOP_SIGNING_KEY: JSON.stringify(generateHopKey('water').privateJwk) }, /HOP_SIGNING_KEY must carry a kid \\?"gateway\\?"/],
    ['the development token secret beside a real key', { AUTH_HS256_SECRET: DEVELOPMENT_TOKEN_SECRET }, /AUTH_HS256_SECRET is set \(the development secret/],
    ['an HS256 secret of its own and no key', { AUTH_PUBLIC_KEY: undefined, AUTH_HS256_SECRET: 'a-city-made-shared-secret-0123456789abcdef' }, /AUTH_HS256_SECRET is set \(a shared secret\)/],
    ['AUTH_ALGORITHM=HS256', { AUTH_ALGORITHM: 'HS256' }, /AUTH_ALGORITHM=HS256 is a shared-secret algorithm/],
    ['no key at all (the development HS256 default)', { AUTH_PUBLIC_KEY: undefined }, /set AUTH_JWKS_URL or AUTH_PUBLIC_KEY/],
    ['a CORS wildcard', { CORS_ORIGINS: '*' }, /CORS_ORIGINS: \\?"\*\\?" is not an origin/],
  ];
  it.each(cases)('%s', async (_case, extra, named) => {
    const env = await productionEnv(extra);
    await expectRefusedStart(new ServiceProcess('gateway', 'dist/gateway/src/main.js', Number(env.GATEWAY_PORT), withoutUnset(env)), named);
  });
});

describe('a production subgraph refuses a set of trusted keys it cannot rely on', () => {
  const waterKey = generateHopKey('water:2026-12');
  const trusted = (keys: object[]) => JSON.stringify({ keys });
  const cases: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['no trusted key set', { HOP_TRUSTED_KEYS: undefined }, /HOP_TRUSTED_KEYS is required/],
    ['a set that trusts a development key', { HOP_TRUSTED_KEYS: trusted([hopKey.publicJwk, { ...hopKey.publicJwk, kid: 'gateway:development' }]) }, /trusts the development key gateway:development/],
    ['a set holding a private key', { HOP_TRUSTED_KEYS: trusted([hopKey.privateJwk]) }, /holds the private part of gateway:2026-12/],
    ['no MAC key set (the keys the gateway authenticates its hops with)', { HOP_MAC_KEYS: undefined }, /HOP_MAC_KEYS is required/],
    ['a MAC key set with the development key', { HOP_MAC_KEYS: trusted([{ kty: 'oct', kid: 'gateway:development', k: 'A'.repeat(43) }]) }, /HOP_MAC_KEYS holds the development key gateway:development/],
    ['the development schema-read token', { SCHEMA_READ_TOKEN_SHA256: createHash('sha256').update(DEVELOPMENT_SCHEMA_READ_TOKEN).digest('hex') }, /lists the development schema-read token/],
  ];
  it.each(cases)('%s', async (_case, extra, named) => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-prod-water-'));
    const macKeys = trusted([{ kty: 'oct', kid: hopKey.publicJwk.kid, k: randomBytes(32).toString('base64url') }]);
    const env = { ...(await productionEnv({})), WATER_PORT: String(port), DATA_DIR: dataDir, HOP_SIGNING_KEY: JSON.stringify(waterKey.privateJwk), HOP_MAC_KEYS: macKeys, ...extra };
    try {
      await expectRefusedStart(new ServiceProcess('water', 'dist/subgraphs/water/src/main.js', port, withoutUnset(env)), named);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

function withoutUnset(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

/** It exits 1 on its own, the log naming the variable, never a key's or secret's value. */
async function expectRefusedStart(service: ServiceProcess, named: RegExp): Promise<void> {
  try {
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([service.runToEnd([]), new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 20_000)))]);
    clearTimeout(timer);
    const log = service.lines.join('\n');
    expect({ code, named: named.test(log) }).toEqual({ code: 1, named: true });
    expect(log).not.toContain(hopKey.privateJwk.d);
    expect(log).not.toContain(developmentJwk.d);
    expect(log).not.toContain(DEVELOPMENT_TOKEN_SECRET);
  } finally {
    await service.stop();
  }
}

describe('a production gateway', () => {
  const FRONT_END = 'https://console.hotline.example';
  let stack: Stack;
  let gateway: ServiceProcess;
  beforeAll(async () => {
    stack = await startStack();
    const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, running]) => [`${name.toUpperCase()}_URL`, running.url]));
    const env = await productionEnv({ ...subgraphUrls, CORS_ORIGINS: `${FRONT_END}, https://311.hotline.example` });
    gateway = new ServiceProcess('gateway', 'dist/gateway/src/main.js', Number(env.GATEWAY_PORT), env).start();
    await gateway.waitFor('/readyz', 60_000);
  });
  afterAll(async () => {
    await gateway?.stop();
    await stack?.close();
  });

  const post = async (query: string, variables: Record<string, unknown> = {}, persona: Persona | null = 'operator') =>
    fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(persona ? { authorization: `Bearer ${await tokenFor(persona)}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });

  it('suggests no field or enum names to a caller who guesses (development does)', async () => {
    const misspelt = '{ tickts(first: 1) { totalCount } }';
    // a signed-in caller: anonymous ones are refused before their query is read
    const development = await stack.graphql(misspelt, {}, { as: 'citizen' });
    expect(development.body.errors[0].message).toMatch(/Did you mean "tickets"/);
    const production = await post(misspelt, {}, 'citizen');
    const body = (await production.json()) as { errors: Array<{ message: string }> };
    expect(production.status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: 'Cannot query field "tickts" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const enumGuess = await post('query($s: [TicketStatus!]) { tickets(first: 1, filter: { status: $s }) { totalCount } }', { s: ['RECEIVE'] });
    const guessed = (await enumGuess.json()) as { errors: Array<{ extensions: unknown }> };
    expect(enumGuess.status).toBe(400);
    expect(guessed.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 's' });
    expect(JSON.stringify(guessed)).not.toMatch(/Did you mean/);
  });

  it('shows /health details only to operators and system administrators; anyone else gets the status', async () => {
    const health = async (persona: Persona | null, authorization?: string) => {
      const headers: Record<string, string> = persona ? { authorization: `Bearer ${await tokenFor(persona)}` } : authorization ? { authorization } : {};
      const response = await fetch(`${gateway.url}/health`, { headers });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    for (const caller of [await health(null), await health('citizen'), await health('observer'), await health(null, 'Bearer not-a-token')]) {
      expect(caller).toEqual({ status: 200, body: { status: 'ok' } });
    }
    for (const persona of ['operator', 'systemAdmin'] as const) {
      const { status, body } = await health(persona);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', gateway: 'up', subgraphs: { intake: 'up', water: 'up' }, supergraph: { state: 'serving' } });
      expect(JSON.stringify(body)).toContain('circuit');
    }
    // the probes a load balancer uses stay unauthenticated and cheap
    expect((await fetch(`${gateway.url}/livez`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
  });

  it('answers a CORS preflight from an allowed front-end with 204 and the headers it needs', async () => {
    const preflight = await fetch(`${gateway.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: FRONT_END, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-request-id,apollographql-client-name' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-request-id', 'apollographql-client-name']));
    const call = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { origin: FRONT_END, 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('operator')}` },
      body: JSON.stringify({ query: '{ departments { code } }' }),
    });
    expect(call.status).toBe(200);
    expect(call.headers.get('access-control-allow-origin')).toBe(FRONT_END);
  });

  it('sends no CORS headers to an origin not on the list, nor when no list is configured', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    for (const response of [await preflight(gateway.url, 'https://evil.example'), await preflight(stack.gatewayUrl, FRONT_END)]) {
      expect(response.status).not.toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});
