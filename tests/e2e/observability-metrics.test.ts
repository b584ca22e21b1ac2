import { randomUUID } from 'node:crypto';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget } from '../../schema/database/database-target';
import { CREATE_TICKET, TICKET_EVERYWHERE, ticketInput } from '../support/operations';
import { TEST_TOKEN_SECRET } from '../support/personas';
import { startProcessStack, type ProcessStack } from '../support/process-stack';
import { type Sample, scrape, series, total } from '../support/prometheus-text';
import { freePort, ServiceProcess } from '../support/service-process';

jest.setTimeout(180_000);

let stack: ProcessStack;
beforeAll(async () => {
  stack = await startProcessStack();
});
afterAll(async () => {
  await stack?.close();
});

const ANSWER_MISSING = 'mutation AnswerMissing($id: ID!) { answerTicket(input: { id: $id, answer: "已答复 Answered" }) { ticket { id } } }';

/** How much the series named `name` (with `labels`) moved between two scrapes. */
function moved(before: Sample[], after: Sample[], name: string, labels: Record<string, string | RegExp> = {}): number {
  return total(after, name, labels) - total(before, name, labels);
}

async function eventually(probe: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return probe();
}

describe('/metrics of the gateway and the subgraphs', () => {
  it('counts operations by name and outcome, errors by code, subgraph fetches and SQL statements', async () => {
    const scrapeAll = () => Promise.all([stack.gateway!, stack.subgraphs.intake, stack.subgraphs.water].map((service) => scrape(service.url)));
    const [gatewayBefore, intakeBefore, waterBefore] = await scrapeAll();

    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput() });
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.createTicket.ticket.id;
    for (let i = 0; i < 2; i += 1) expect((await stack.graphql(TICKET_EVERYWHERE, { id })).body.errors).toBeUndefined();
    const missing = await stack.graphql(ANSWER_MISSING, { id: randomUUID() });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const invalid = await stack.graphql('query Invalid { ticket(id: "x") { noSuchField } }');
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const anonymous = await fetch(`${stack.gateway!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(anonymous.status).toBe(401);

    const [gateway, intake, water] = await scrapeAll();

    // the gateway: one series per operation and outcome, a histogram beside the counter
    expect(moved(gatewayBefore, gateway, 'graphql_requests_total', { operation: 'Create', outcome: 'ok' })).toBe(1);
    expect(moved(gatewayBefore, gateway, 'graphql_requests_total', { operation: 'Everywhere', outcome: 'ok' })).toBe(2);
    expect(moved(gatewayBefore, gateway, 'graphql_requests_total', { operation: 'AnswerMissing', outcome: 'error' })).toBe(1);
    // neither a query that does not validate nor a refused token names an operation
    expect(moved(gatewayBefore, gateway, 'graphql_requests_total', { operation: 'unknown', outcome: 'error' })).toBe(2);
    expect(moved(gatewayBefore, gateway, 'graphql_request_duration_seconds_count', { operation: 'Everywhere', outcome: 'ok' })).toBe(2);
    expect(moved(gatewayBefore, gateway, 'graphql_request_duration_seconds_sum', { operation: 'Everywhere' })).toBeGreaterThan(0);
    expect(moved(gatewayBefore, gateway, 'graphql_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    expect(moved(gatewayBefore, gateway, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(moved(gatewayBefore, gateway, 'graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(series(gateway, 'graphql_requests_total').every((sample) => sample.labels.service === 'gateway')).toBe(true);

    // its fetches from each subgraph: create, two reads and the failed answer at intake; the two reads at water
    expect(moved(gatewayBefore, gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'intake', outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(moved(gatewayBefore, gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'intake', outcome: 'graphql_errors' })).toBe(1);
    expect(moved(gatewayBefore, gateway, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'water', outcome: 'ok' })).toBe(2);

    // the subgraphs see the gateway's operations, named after the client's
    expect(moved(intakeBefore, intake, 'graphql_requests_total', { operation: /^Everywhere__intake__/, outcome: 'ok' })).toBe(2);
    expect(moved(intakeBefore, intake, 'graphql_requests_total', { operation: /^AnswerMissing__intake__/, outcome: 'error' })).toBe(1);
    expect(moved(intakeBefore, intake, 'graphql_errors_total', { code: 'NOT_FOUND' })).toBe(1);
    expect(moved(waterBefore, water, 'graphql_requests_total', { operation: /^Everywhere__water__/, outcome: 'ok' })).toBe(2);

    // every SQL statement timed: the ticket's insert, the reads of both departments
    expect(moved(intakeBefore, intake, 'sql_query_duration_seconds_count', { statement: 'insert' })).toBeGreaterThanOrEqual(2);
    expect(moved(intakeBefore, intake, 'sql_query_duration_seconds_count', { statement: 'select' })).toBeGreaterThanOrEqual(3);
    expect(moved(intakeBefore, intake, 'sql_query_duration_seconds_count', { statement: 'transaction' })).toBeGreaterThanOrEqual(2);
    expect(moved(waterBefore, water, 'sql_query_duration_seconds_count', { statement: 'select' })).toBeGreaterThanOrEqual(2);
    expect(series(intake, 'sql_query_duration_seconds_bucket', { statement: 'select', le: '+Inf' })).toHaveLength(1);
  });

  it('reports the process: CPU, memory and event-loop lag of every service', async () => {
    for (const service of [stack.gateway!, stack.subgraphs.intake, stack.subgraphs.audit]) {
      const samples = await scrape(service.url);
      for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
        expect(series(samples, name, { service: service.name })).toHaveLength(1);
      }
    }
  });

  it('shows the outbox backlog grow while the audit service is down, and drain when it is back', async () => {
    const backlog = async () => {
      const samples = await scrape(stack.subgraphs.intake.url);
      return { waiting: total(samples, 'outbox_events_waiting'), age: total(samples, 'outbox_oldest_waiting_age_seconds') };
    };
    expect(await eventually(async () => (await backlog()).waiting === 0, 10)).toBe(true);
    expect((await backlog()).age).toBe(0);

    await stack.subgraphs.audit.stop();
    try {
      for (let i = 0; i < 3; i += 1) expect((await stack.graphql(CREATE_TICKET, { input: ticketInput() })).body.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const waiting = await backlog();
      expect(waiting.waiting).toBeGreaterThanOrEqual(3);
      expect(waiting.age).toBeGreaterThan(1);
    } finally {
      await stack.subgraphs.audit.start().waitFor('/readyz');
    }
    // the relay backs off while audit is down (up to 5 s between tries)
    expect(await eventually(async () => (await backlog()).waiting === 0, 15)).toBe(true);
  });

  it('leaves trace ids out of the logs while tracing is off: the request id ties the lines together', async () => {
    const lines = [stack.gateway!, stack.subgraphs.intake].flatMap((service) => service.logs().filter((line) => line.msg === 'request'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => typeof line.requestId === 'string' && line.traceId === undefined)).toBe(true);
  });

  it('carries no secret: no token, signing secret, query text or citizen data', async () => {
    for (const service of [stack.gateway!, stack.subgraphs.intake]) {
      const text = await (await fetch(`${service.url}/metrics`)).text();
      for (const secret of [TEST_TOKEN_SECRET, 'Bearer', '13912345678', '张伟', 'citizenPhone']) expect(text).not.toContain(secret);
    }
  });
});

describe('/metrics of the registry, and the gateway that follows it', () => {
  let registry: ServiceProcess;
  let follower: ServiceProcess;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...stack.env, REGISTRY_PORT: String(await freePort()), GATEWAY_PORT: String(await freePort()) };
    env.REGISTRY_URL = `http://127.0.0.1:${env.REGISTRY_PORT}`;
    env.REGISTRY_POLL_MS = '200';
    registry = new ServiceProcess('registry', 'dist/registry/src/main.js', Number(env.REGISTRY_PORT), env);
    expect(await registry.runToEnd(['migrate'])).toBe(0);
    await registry.start().waitFor('/readyz');
    // a first start: the running subgraphs become supergraph version 1, as `npm start` does it
    const bootstrap = new ServiceProcess('bootstrap', 'dist/registry/src/bootstrap-from-running.js', 0, env);
    expect(await bootstrap.runToEnd([])).toBe(0);
    follower = new ServiceProcess('gateway', 'dist/gateway/src/main.js', Number(env.GATEWAY_PORT), env).start();
    await follower.waitFor('/readyz', 60_000);
  });
  afterAll(async () => {
    await Promise.all([follower?.stop(), registry?.stop()]);
    await dropDatabase(databaseTarget('registry', stack.settings)).catch(() => undefined);
  });

  it('times the registry’s SQL and reports its process', async () => {
    const before = await scrape(registry.url);
    await fetch(`${registry.url}/readyz`);
    const after = await scrape(registry.url);
    expect(series(after, 'process_cpu_seconds_total', { service: 'registry' })).toHaveLength(1);
    expect(moved(before, after, 'sql_query_duration_seconds_count', { service: 'registry', statement: 'select' })).toBeGreaterThanOrEqual(1);
  });

  it('shows the supergraph version the gateway serves, and counts the polls that fail while the registry is down', async () => {
    expect(total(await scrape(follower.url), 'gateway_supergraph_version', { service: 'gateway' })).toBe(1);
    const failures = async () => total(await scrape(follower.url), 'gateway_registry_poll_failures_total', { reason: 'unreachable' });
    expect(await failures()).toBe(0);
    await registry.stop();
    expect(await eventually(async () => (await failures()) >= 2, 10)).toBe(true);
    // still serving the last good version
    expect(total(await scrape(follower.url), 'gateway_supergraph_version')).toBe(1);
  });
});
