import mysql from 'mysql2/promise';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget } from '../../schema/database/database-target';
import { GATEWAY_IDENTITY } from '../../schema/identity/roles';
import { signedAsGateway } from '../support/personas';
import { startProcessStack, type ProcessStack } from '../support/process-stack';
import { freePort, ServiceProcess } from '../support/service-process';

jest.setTimeout(120_000);

/** SIGTERM to exit, in ms, and the exit code: what an orchestrator waits for before it kills. */
async function timeStop(service: ServiceProcess): Promise<{ ms: number; code: number | null; signal: string | null }> {
  const started = Date.now();
  service.signal('SIGTERM');
  const { code, signal } = await service.exit;
  return { ms: Date.now() - started, code, signal };
}

const TICKET_INPUT = {
  channel: 'PHONE',
  citizenName: '张伟',
  citizenPhone: '13912345678',
  content: '小区停水两天了 / No water for two days',
  categoryCode: 'water_outage',
  address: '建设路12号',
  latitude: 32.31,
  longitude: 118.31,
};

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(['mysql', 'embedded'] as const)('every service stops within 2 s of SIGTERM (%s)', (engine) => {
  let stack: ProcessStack;
  let registry: ServiceProcess;

  beforeAll(async () => {
    // the relay polls once at start and then not for a minute: only the stop can hand the new event over
    stack = await startProcessStack({ engine, env: { OUTBOX_POLL_MS: '60000' } });
    const registryEnv = { ...stack.env, REGISTRY_PORT: String(await freePort()) };
    registry = new ServiceProcess('registry', 'dist/registry/src/main.js', Number(registryEnv.REGISTRY_PORT), registryEnv);
    expect(await registry.runToEnd(['migrate'])).toBe(0);
    await registry.start().waitFor('/readyz');
  });
  const waitingInIntake = async (): Promise<number> => {
    const connection = await mysql.createConnection({ uri: `${stack.settings.databaseUrl}_intake` });
    const [rows] = await connection.query('SELECT COUNT(*) AS waiting FROM audit_event WHERE deliveredAt IS NULL');
    await connection.end();
    return Number((rows as Array<{ waiting: number }>)[0].waiting);
  };
  afterAll(async () => {
    await registry?.stop();
    await stack?.close();
    // the stack drops the subgraphs' databases; the registry this test added is its own to drop
    if (stack) await dropDatabase(databaseTarget('registry', stack.settings)).catch(() => undefined);
  });

  it('answers requests in flight, hands waiting audit events over, and exits 0', async () => {
    // the seed's events go at the relay's first polls; then a ticket change leaves one event in intake's outbox,
    // which only the stop can hand to audit (the next poll is a minute away)
    if (engine === 'mysql') await until(async () => (await waitingInIntake()) === 0);
    const created = await stack.graphql('mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }', { input: TICKET_INPUT });
    expect(created.body.errors).toBeUndefined();

    const query = '{ supplyZones { code nameZh } }';
    const ask = async () =>
      fetch(`${stack.subgraphs.water.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await signedAsGateway(GATEWAY_IDENTITY, 'water', query)) },
        body: JSON.stringify({ query }),
      }).then(
        (response) => (response.ok ? 'answered' : `HTTP ${response.status}`),
        (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
      );
    // 20 kept-alive connections, as the gateway holds them: a connection still in the kernel's accept queue when a
    // server stops listening is reset by TCP itself, which no server can prevent (load balancers drain first)
    expect(await Promise.all(Array.from({ length: 20 }, ask))).toEqual(Array(20).fill('answered'));
    const inFlight = Array.from({ length: 20 }, ask);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const stops: Record<string, { ms: number; code: number | null; signal: string | null }> = {};
    stops.gateway = await timeStop(stack.gateway!);
    stops.water = await timeStop(stack.subgraphs.water);
    const outcomes = await Promise.all(inFlight);
    // every request sent on an open connection before the stop is answered: none is cut off
    expect(outcomes).toEqual(Array(20).fill('answered'));

    for (const name of ['intake', 'streetlight', 'transit', 'audit', 'oversight'] as const) stops[name] = await timeStop(stack.subgraphs[name]);
    stops.registry = await timeStop(registry);
    console.log(`SIGTERM to exit on ${engine} (ms): ${Object.entries(stops).map(([name, stop]) => `${name} ${stop.ms}`).join(', ')}`);
    for (const [name, stop] of Object.entries(stops)) {
      expect({ name, code: stop.code, signal: stop.signal }).toEqual({ name, code: 0, signal: null });
      expect(stop.ms).toBeLessThan(2000);
    }
    for (const name of ['intake', 'water', 'audit', 'registry', 'gateway']) {
      const service = name === 'registry' ? registry : name === 'gateway' ? stack.gateway! : stack.subgraphs[name as 'intake'];
      expect(service.logs().map((line) => line.msg)).toContain('stopped');
    }
    if (engine === 'mysql') expect(await waitingInIntake()).toBe(0);
  });
});
