import { tokenFor } from '../support/personas';
import { startProcessStack, type ProcessStack } from '../support/process-stack';
import { freePort, ServiceProcess } from '../support/service-process';
import { TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(180_000);

/** Short here so the test is; the default is 5000 ms (SUBGRAPH_TIMEOUT_MS). */
const WATER_TIMEOUT_MS = 1500;
/** The default is 3000 ms; shorter here so recovery is measured in a short test. */
const HALF_OPEN_MS = 1000;
const CLIENTS = 20;
/** Clients that also ask for water's fields while it fails: as many as open its circuit (5 failures) in one round. */
const WATER_CLIENTS = 5;
const LOAD_MS = 3000;
/** Longer than any bound below, so a request left waiting for the frozen subgraph could not pass for a timed-out one. */
const FROZEN_MS = 8000;

const LIST = '{ tickets(first: 5) { nodes { id status } } }';
const STREETLIGHT = 'query ($id: ID!) { ticket(id: $id) { id status streetlight { faultyPolesNearby } } }';
const WITH_WATER = 'query ($id: ID!) { ticket(id: $id) { id status streetlight { faultyPolesNearby } water { located zone { code } } } }';
/** Water's alone: its time is the gateway's wait for water and nothing else. */
const WATER_ONLY = '{ supplyZones { code } }';

interface Outcome {
  query: string;
  status: number | string;
  ms: number;
  body: any;
}

let stack: ProcessStack;
let ticketId: string;

const call = (query: string): Promise<Outcome> =>
  stack.graphql(query, { id: ticketId }).then(
    (reply) => ({ query, ...reply }),
    (error: Error & { cause?: { code?: string } }) => ({ query, status: error.cause?.code ?? error.message, ms: 0, body: null }),
  );
const served = (outcome: Outcome) => outcome.status === 200 && !outcome.body?.errors && outcome.body?.data;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `clients` callers, each sending operations back to back until `ms` have passed. */
async function load(clients: number, ms: number, next: (n: number) => Promise<Outcome>): Promise<Outcome[]> {
  const until = Date.now() + ms;
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = client; Date.now() < until; n += clients) outcomes.push(await next(n));
    }),
  );
  return outcomes;
}

/** The gateway's probes, read every 500 ms while a fault lasts. */
async function probes(ms: number): Promise<Array<{ readyz: number; health: number; body: any }>> {
  const until = Date.now() + ms;
  const samples = [];
  while (Date.now() < until) {
    const [readyz, health] = await Promise.all([fetch(`${stack.gateway!.url}/readyz`), fetch(`${stack.gateway!.url}/health`)]);
    samples.push({ readyz: readyz.status, health: health.status, body: await health.json() });
    await sleep(500);
  }
  return samples;
}

function figures(outcomes: Outcome[], ok: (outcome: Outcome) => unknown) {
  const ms = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  const success = outcomes.filter(ok).length / outcomes.length;
  return { requests: outcomes.length, success: `${(success * 100).toFixed(1)}%`, p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1] };
}

const errorsOf = (outcome: Outcome): Array<{ extensions?: { code?: string; service?: string } }> => outcome.body?.errors ?? [];
const namesWater = (outcome: Outcome, codes: string[]) =>
  errorsOf(outcome).length > 0 && errorsOf(outcome).every((error) => codes.includes(error.extensions?.code ?? '') && error.extensions?.service === 'water');

/**
 * What a client gets while water fails: the other departments' part of the
 * ticket with `water: null`, or, when it asked for water alone, HTTP 503 (a
 * proxy or client library may retry); either way only errors naming water.
 */
function answeredWithoutWater(outcome: Outcome, codes: string[]): boolean {
  if (outcome.query === WATER_ONLY) return outcome.status === 503 && outcome.body?.data === null && namesWater(outcome, codes);
  const ticket = outcome.body?.data?.ticket;
  return outcome.status === 200 && ticket?.id === ticketId && typeof ticket.streetlight?.faultyPolesNearby === 'number' && ticket.water === null && namesWater(outcome, codes);
}

/** While water fails: 20 clients read what does not touch water, 5 more ask for water, and the probes are read. */
async function underFault(codes: string[], ms: number) {
  const [others, water, samples] = await Promise.all([
    load(CLIENTS, ms, (n) => call(n % 2 ? STREETLIGHT : LIST)),
    load(WATER_CLIENTS, ms, (n) => call(n % 2 ? WATER_ONLY : WITH_WATER)),
    probes(ms),
  ]);
  const waterOnly = water.filter((outcome) => outcome.query === WATER_ONLY);
  const measured = {
    notWater: figures(others, served),
    withWater: figures(water.filter((outcome) => outcome.query === WITH_WATER), (outcome) => answeredWithoutWater(outcome, codes)),
    waterOnly: figures(waterOnly, (outcome) => answeredWithoutWater(outcome, codes)),
    codes: countBy(water.map((outcome) => errorsOf(outcome)[0]?.extensions?.code ?? 'none')),
  };
  expect(others.filter((outcome) => !served(outcome)).slice(0, 3)).toEqual([]);
  expect(water.filter((outcome) => !answeredWithoutWater(outcome, codes)).slice(0, 3)).toEqual([]);
  // load balancers keep the gateway: one department down is not the gateway down
  expect(samples.every((sample) => sample.readyz === 200 && sample.health === 200)).toBe(true);
  expect(samples.at(-1)!.body).toMatchObject({ status: 'degraded', subgraphs: { water: 'down', intake: 'up' }, checks: { water: { status: 'down' } } });
  return { measured, waterOnly, samples };
}

/** Ms until an operation touching water is served whole again. */
async function recovery(since: number): Promise<number> {
  while (Date.now() - since < 30_000) {
    if (served(await call(WITH_WATER))) return Date.now() - since;
    await sleep(50);
  }
  throw new Error('water was not served again within 30 s');
}

beforeAll(async () => {
  stack = await startProcessStack({ env: { WATER_TIMEOUT_MS: String(WATER_TIMEOUT_MS), SUBGRAPH_CIRCUIT_HALF_OPEN_MS: String(HALF_OPEN_MS) } });
  ticketId = (await stack.graphql(LIST)).body.data.tickets.nodes[0].id;
  expect(served(await call(WITH_WATER))).toBeTruthy();
});
afterAll(async () => {
  stack?.subgraphs.water.signal('SIGCONT');
  await stack?.close();
});

describe('a department that fails costs only its own fields', () => {
  it('water frozen (SIGSTOP): the rest is served, water times out by name, the gateway stays ready; served again after SIGCONT', async () => {
    stack.subgraphs.water.signal('SIGSTOP');
    let thawed: number;
    try {
      const { measured, waterOnly } = await underFault(['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE'], FROZEN_MS);
      console.log('water frozen:', measured);
      // the first calls wait out the timeout, no longer; then the circuit opens and water's fields fail at once.
      // The bound is what tells a timeout from waiting for the thaw (FROZEN_MS): on this shared 2-core machine,
      // under a benchmark beside it, the slowest was 4.2 s against a 1.5 s timeout; without one it would be the freeze
      expect(measured.codes).toMatchObject({ UPSTREAM_TIMEOUT: expect.any(Number), UPSTREAM_UNAVAILABLE: expect.any(Number) });
      expect(Math.max(...waterOnly.map((outcome) => outcome.ms))).toBeLessThan(FROZEN_MS - 1500);
    } finally {
      stack.subgraphs.water.signal('SIGCONT');
      thawed = Date.now();
    }
    console.log(`water frozen: served whole again ${await recovery(thawed)} ms after SIGCONT`);
  });

  it('water killed (SIGKILL): the rest is served, water is unavailable at once (open circuit); served again after a restart', async () => {
    stack.subgraphs.water.signal('SIGKILL');
    await stack.subgraphs.water.exit;
    try {
      const { measured, samples } = await underFault(['UPSTREAM_UNAVAILABLE'], LOAD_MS);
      console.log('water killed:', measured);
      // nobody waits out the timeout for a subgraph that is gone (refused at once, then the open circuit answers)
      expect(measured.codes).toEqual({ UPSTREAM_UNAVAILABLE: expect.any(Number) });
      expect(measured.waterOnly.p95).toBeLessThan(WATER_TIMEOUT_MS);
      expect(samples.some((sample) => sample.body.checks.water.circuit === 'open')).toBe(true);
      expect(samples.at(-1)!.body).toMatchObject({ checks: { water: { error: 'ECONNREFUSED' } } });
    } finally {
      // the tests after this one need water back, whatever happened above
      const restarted = Date.now();
      await stack.subgraphs.water.start().waitFor('/readyz');
      const booted = Date.now() - restarted;
      console.log(`water killed: process ready ${booted} ms after restart, served whole through the gateway after ${await recovery(restarted)} ms`);
    }
  });
});

describe('the gateway process', () => {
  it('listens at once: alive, not ready and refusing with 503 while a subgraph is not up yet; serving once it is; stops cleanly either way', async () => {
    // water is reached through a hop that refuses connections until the test opens it
    const hop = await new TcpProxy('127.0.0.1', stack.subgraphs.water.port).start();
    await hop.cut();
    const early = async (name: string) => {
      const port = await freePort();
      return new ServiceProcess(name, 'dist/gateway/src/main.js', port, { ...stack.env, GATEWAY_PORT: String(port), WATER_URL: `http://127.0.0.1:${hop.port}` }).start();
    };
    const [waiting, stopped] = [await early('gateway-waiting'), await early('gateway-stopped-while-loading')];
    try {
      await Promise.all([waiting.waitFor('/livez'), stopped.waitFor('/livez')]);
      expect((await fetch(`${waiting.url}/readyz`)).status).toBe(503);
      const health = await fetch(`${waiting.url}/health`);
      expect({ status: health.status, body: await health.json() }).toMatchObject({ status: 503, body: { gateway: 'loading', supergraph: { state: 'loading' } } });
      const refused = await fetch(`${waiting.url}/graphql`, {
        method: 'POST',
        // signed in: an anonymous caller is refused at the door (401) whether or not a supergraph is loaded
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('operator')}` },
        body: JSON.stringify({ query: LIST }),
      });
      expect({ status: refused.status, retryAfter: refused.headers.get('retry-after'), body: await refused.json() }).toMatchObject({
        status: 503,
        retryAfter: '1',
        body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } }] },
      });

      const sigterm = Date.now();
      stopped.signal('SIGTERM');
      expect(await stopped.exit).toEqual({ code: 0, signal: null });
      const stoppedMs = Date.now() - sigterm;

      const opened = Date.now();
      await hop.start(hop.port);
      await waiting.waitFor('/readyz', 20_000);
      const readyMs = Date.now() - opened;
      const answer = await fetch(`${waiting.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('operator')}` },
        body: JSON.stringify({ query: WITH_WATER, variables: { id: ticketId } }),
      });
      expect(served({ query: WITH_WATER, status: answer.status, ms: 0, body: await answer.json() })).toBeTruthy();
      console.log(`gateway started before water: ready ${readyMs} ms after water could be reached; SIGTERM while loading: exit 0 after ${stoppedMs} ms`);
    } finally {
      await Promise.all([waiting.stop(), stopped.stop()]);
      await hop.cut();
    }
  });

  it('exits 0 within 2 s of SIGTERM under load, answering the requests in flight', async () => {
    const HEAVIER = '{ tickets(first: 20) { nodes { id status streetlight { faultyPolesNearby } water { located } } } }';
    const requests: Array<{ started: number; ended: number; outcome: string }> = [];
    let stopping = false;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (!stopping) {
        const started = Date.now();
        const { status, body } = await call(HEAVIER);
        requests.push({ started, ended: Date.now(), outcome: status === 200 && !body?.errors ? 'answered' : String(status) });
      }
    });
    await sleep(1500);
    const sigterm = Date.now();
    stack.gateway!.signal('SIGTERM');
    const { code, signal } = await stack.gateway!.exit;
    const exitMs = Date.now() - sigterm;
    stopping = true;
    await Promise.all(clients);
    // a request is in flight once the gateway has read it: give the bytes a few ms to arrive
    const inFlight = requests.filter((request) => request.started <= sigterm - 20 && request.ended >= sigterm);
    const after = requests.filter((request) => request.started > sigterm);
    console.log(`SIGTERM under load: exit ${code} after ${exitMs} ms; ${inFlight.length} requests in flight, ${inFlight.filter((r) => r.outcome === 'answered').length} answered; after SIGTERM: ${JSON.stringify(countBy(after.map((r) => r.outcome)))}`);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(2000);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.filter((request) => request.outcome !== 'answered')).toEqual([]);
    expect(stack.gateway!.logs().map((line) => line.msg)).toContain('stopped');
  });
});

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
}
