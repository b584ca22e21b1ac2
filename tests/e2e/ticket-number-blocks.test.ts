import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { DataSource } from 'typeorm';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { Role } from '../../schema/identity/roles';
import { seedIntake } from '../../seeds/intake.seed';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { TicketNumberBlocks } from '../../subgraphs/intake/src/ticket/ticket-number-blocks';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { signedAsGateway } from '../support/personas';
import { buildOnce } from '../support/process-stack';
import { freePort, ServiceProcess } from '../support/service-process';
import { TEST_MYSQL_URL } from '../support/stack';

jest.setTimeout(180_000);

// small blocks, so that a few hundred intakes make every instance refill many times while the others do too
const BLOCK = 7;
const OPERATOR = { id: 'operator-007', roles: [Role.OPERATOR] };
const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/tn${Date.now().toString(36)}${randomBytes(3).toString('hex')}`, dataDir: os.tmpdir() };
let dataSource: DataSource;
const instances: ServiceProcess[] = [];

async function startIntake(port?: number): Promise<ServiceProcess> {
  const listen = port ?? (await freePort());
  const env = {
    INTAKE_PORT: String(listen),
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: settings.databaseUrl,
    DATA_DIR: settings.dataDir,
    MIGRATE_ON_START: 'false',
    CLOCK_INTERVAL_MS: '0',
    TICKET_NUMBER_BLOCK: String(BLOCK),
    // no audit service here: the outbox keeps the events, which is all this test needs of it
    AUDIT_URL: 'http://127.0.0.1:9',
  };
  const service = new ServiceProcess('intake', 'dist/subgraphs/intake/src/main.js', listen, env);
  await service.start().waitFor('/readyz');
  return service;
}

/** createTicket straight to one intake instance, signed as the gateway signs it. */
async function createTicket(instance: ServiceProcess): Promise<string> {
  const request = { query: CREATE_TICKET, variables: { input: ticketInput() } };
  const response = await fetch(`${instance.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signedAsGateway(OPERATOR, 'intake', request)) },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { data?: { createTicket?: { ticket: { number: string } } }; errors?: unknown[] };
  if (!body.data?.createTicket) throw new Error(`createTicket failed: ${JSON.stringify(body.errors)}`);
  return body.data.createTicket.ticket.number;
}

/** `count` intakes per instance, all instances at once, 10 in flight on each. */
async function createConcurrently(on: ServiceProcess[], count: number): Promise<string[][]> {
  return Promise.all(
    on.map(async (instance) => {
      const numbers: string[] = [];
      const client = async () => {
        while (numbers.length < count) numbers.push(await createTicket(instance));
      };
      await Promise.all(Array.from({ length: 10 }, client));
      return numbers;
    }),
  );
}

const sequenceOf = (number: string) => Number(number.slice(-6));
const reserved = async (): Promise<number> => Number((await dataSource.query('SELECT MAX(lastValue) AS n FROM ticket_sequence'))[0].n);
const stored = async (): Promise<string[]> => (await dataSource.query('SELECT number FROM ticket')).map((row: { number: string }) => row.number);

beforeAll(async () => {
  buildOnce();
  dataSource = (await openIntakeDataSource(settings)).dataSource;
  await seedIntake(dataSource, { sampleTickets: 0 });
  instances.push(...(await Promise.all([startIntake(), startIntake(), startIntake()])));
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await dataSource?.destroy();
  await dropDatabase(databaseTarget('intake', settings));
});

describe('ticket numbers from per-instance blocks (three intake processes, one database)', () => {
  it('never hand the same number to two tickets when all instances take them at once', async () => {
    const perInstance = await createConcurrently(instances, 60);
    const all = perInstance.flat();
    expect(new Set(all).size).toBe(all.length);
    expect((await stored()).sort()).toEqual([...all].sort());
    for (const number of all) expect(number).toMatch(/^12345-\d{8}-\d{6}$/);
    // the row holds the highest number reserved: no number above it was handed out
    expect(Math.max(...all.map(sequenceOf))).toBeLessThanOrEqual(await reserved());
  });

  it('a SIGKILLed instance, restarted, never reuses a number it held', async () => {
    const victim = instances[0];
    await createTicket(victim); // it now holds the rest of a block
    const highest = await reserved();
    victim.signal('SIGKILL');
    await victim.exit;
    instances[0] = await startIntake(victim.port);
    const after = await createConcurrently([instances[0]], 2 * BLOCK);
    expect(Math.min(...after.flat().map(sequenceOf))).toBeGreaterThan(highest);
    const all = await stored();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('the day changes under a running instance', () => {
  it('starts the new day at 000001 and numbers a late ticket of the old day singly, never from the new block', async () => {
    // in-process with a clock we move: the processes' clocks cannot be set to midnight
    let now = new Date('2031-03-01T15:59:58Z'); // 23:59:58 on 1 March in Asia/Shanghai
    const blocks = new TicketNumberBlocks(dataSource, 'Asia/Shanghai', BLOCK, () => now);
    expect(await blocks.take(now)).toBe('12345-20310301-000001');
    expect(await blocks.take(now)).toBe('12345-20310301-000002');
    const lastOfDay = now;
    now = new Date('2031-03-01T16:00:01Z'); // 00:00:01 on 2 March
    expect(await blocks.take(now)).toBe('12345-20310302-000001');
    // a request received just before midnight and numbered after it keeps its own day, above that day's block
    expect(await blocks.take(lastOfDay)).toBe(`12345-20310301-${String(BLOCK + 1).padStart(6, '0')}`);
    expect(await blocks.take(now)).toBe('12345-20310302-000002');
    const rows = await dataSource.query("SELECT day, lastValue FROM ticket_sequence WHERE day LIKE '2031%' ORDER BY day");
    expect(rows.map((row: { day: string; lastValue: number }) => [row.day, Number(row.lastValue)])).toEqual([
      ['20310301', BLOCK + 1],
      ['20310302', BLOCK],
    ]);
  });
});
