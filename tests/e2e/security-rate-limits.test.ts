import http from 'node:http';
import { operationHash } from '../../gateway/src/auth/public-operations';
import type { GatewayConfig } from '../../gateway/src/config';
import { readLimitsConfig } from '../../gateway/src/limits/limits-config';
import { createGatewayApp } from '../../gateway/src/server';
import { listen } from '../../schema/http/listen';
import { FULL_PAGE } from '../support/bombs';
import { type Persona, tokenFor } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

/**
 * Issue 10, item 2: one source may not take the gateway for itself. Each test
 * starts a gateway of its own over the same subgraphs, with small limits
 * (the test stack's gateway tolerates floods: every suite runs from one address).
 */
let stack: Stack;
const closers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  for (const close of closers) await close();
  await stack?.close();
});

async function gatewayWith(env: NodeJS.ProcessEnv, config: Partial<GatewayConfig> = {}): Promise<string> {
  const gateway = await createGatewayApp({ ...stack.gatewayConfig, limits: readLimitsConfig(env), ...config });
  const listening = await listen(gateway.app, 0);
  closers.push(listening.close, gateway.stop);
  return listening.url;
}

interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** POSTs from a chosen local address (127.0.0.x are all this machine), as another client would. */
async function post(url: string, query: string, { as = 'operator' as Persona | null, from = '127.0.0.1', headers = {} as Record<string, string> } = {}): Promise<Sent> {
  const payload = JSON.stringify({ query });
  const authorization: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {};
  return new Promise((resolve, reject) => {
    const sent = http.request(`${url}/graphql`, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', ...authorization, ...headers } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(text) }));
    });
    sent.on('error', reject);
    sent.end(payload);
  });
}

const DEPARTMENTS = '{ departments { code } }';

function expectRateLimited(sent: Sent, limit: 'requests' | 'cost'): void {
  expect(sent.status).toBe(429);
  expect(sent.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit, retryAfterMs: expect.any(Number) });
  const { retryAfterMs } = sent.body.errors[0].extensions;
  expect(retryAfterMs).toBeGreaterThan(0);
  expect(Number(sent.headers['retry-after'])).toBe(Math.ceil(retryAfterMs / 1000));
}

describe('per-address request rate, counted before anything is read', () => {
  it('answers the sixth request in the window with 429 and Retry-After; another address is still served', async () => {
    const url = await gatewayWith({ RATE_LIMIT_IP_REQUESTS: '5', RATE_LIMIT_IP_WINDOW_SECONDS: '60' });
    for (let i = 0; i < 5; i += 1) expect((await post(url, DEPARTMENTS)).status).toBe(200);
    expectRateLimited(await post(url, DEPARTMENTS), 'requests');
    // an anonymous flood from the same address is refused as cheaply, whatever it sends
    expectRateLimited(await post(url, DEPARTMENTS, { as: null }), 'requests');
    expect((await post(url, DEPARTMENTS, { from: '127.0.0.2' })).status).toBe(200);
  });

  it('counts a refused request ten times: a source of bombs runs out of its allowance first', async () => {
    const url = await gatewayWith({ RATE_LIMIT_IP_REQUESTS: '20' });
    for (let i = 0; i < 2; i += 1) expect((await post(url, DEPARTMENTS, { as: null, from: '127.0.0.3' })).status).toBe(401);
    expectRateLimited(await post(url, DEPARTMENTS, { from: '127.0.0.3' }), 'requests');
    for (let i = 0; i < 20; i += 1) expect((await post(url, DEPARTMENTS, { from: '127.0.0.4' })).status).toBe(200);
  });

  it('is not dodged by a made-up X-Forwarded-For unless the proxy it names is trusted', async () => {
    const untrusting = await gatewayWith({ RATE_LIMIT_IP_REQUESTS: '2' });
    for (let i = 0; i < 2; i += 1) await post(untrusting, DEPARTMENTS, { headers: { 'x-forwarded-for': `10.0.0.${i}` } });
    expectRateLimited(await post(untrusting, DEPARTMENTS, { headers: { 'x-forwarded-for': '10.0.0.99' } }), 'requests');

    const behindProxy = await gatewayWith({ RATE_LIMIT_IP_REQUESTS: '2' }, { trustProxy: ['loopback'] });
    for (let i = 0; i < 2; i += 1) await post(behindProxy, DEPARTMENTS, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expectRateLimited(await post(behindProxy, DEPARTMENTS, { headers: { 'x-forwarded-for': '203.0.113.7' } }), 'requests');
    expect((await post(behindProxy, DEPARTMENTS, { headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(200);
  });
});

describe('per-caller cost budget, spent by estimated cost', () => {
  it('lets a caller spend its budget on one 100-ticket page, then answers 429 until the window ends', async () => {
    const url = await gatewayWith({ RATE_LIMIT_COST: '25000', MAX_BATCH_COMPLEXITY: '25000' });
    const first = await post(url, FULL_PAGE);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expectRateLimited(await post(url, FULL_PAGE), 'cost');
    // cheap operations cost 11 each: the rest of the budget (25,000 - 19,901) still buys some
    expect((await post(url, DEPARTMENTS)).status).toBe(200);
    // the budget is the caller's, not the address's: a supervisor at the same desk is served
    expect((await post(url, FULL_PAGE, { as: 'supervisor' })).status).toBe(200);
  });
});

describe('anonymous callers: only the operations a city made public', () => {
  const PING = 'query Ping { __typename }';

  it('serves a listed operation without a token, byte for byte, and nothing else', async () => {
    const url = await gatewayWith({}, { publicOperations: [operationHash(PING)] });
    const listed = await post(url, PING, { as: null });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual({ __typename: 'Query' });
    for (const other of [`${PING} `, DEPARTMENTS]) {
      const refused = await post(url, other, { as: null });
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses every anonymous operation by default', async () => {
    const refused = await post(stack.gatewayUrl, PING, { as: null });
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
