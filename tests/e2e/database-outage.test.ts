import { randomUUID } from 'node:crypto';
import { startProcessStack, type ProcessStack } from '../support/process-stack';
import { TcpProxy } from '../support/tcp-proxy';
import { TEST_MYSQL_URL } from '../support/stack';

jest.setTimeout(120_000);

const CREATE = 'mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }';
const input = (key: string) => ({
  idempotencyKey: key,
  channel: 'APP',
  citizenName: '李娜',
  citizenPhone: '13800002222',
  content: '路灯不亮 / Street light out',
  categoryCode: 'streetlight_out',
  address: '解放路8号',
  latitude: 32.3,
  longitude: 118.3,
});

async function firstAnswer<T>(read: () => Promise<T>, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** intake reaches its database through a proxy the test cuts: the outage is real sockets, not a mock. */
describe('a database outage', () => {
  let stack: ProcessStack;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const target = new URL(TEST_MYSQL_URL);
    proxy = await new TcpProxy(target.hostname, Number(target.port || 3306)).start();
    const prefix = `o${Date.now().toString(36)}`;
    stack = await startProcessStack({
      subgraphs: ['intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'],
      env: { INTAKE_DATABASE_URL: `mysql://root@127.0.0.1:${proxy.port}/${prefix}`, DATABASE_URL: `${TEST_MYSQL_URL}/${prefix}` },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await proxy?.cut();
  });

  it('is a retryable SERVICE_UNAVAILABLE with HTTP 503, logged with the request id; nothing is half-written; service resumes', async () => {
    const count = async () => {
      const { body } = await stack.graphql('{ tickets(first: 1) { totalCount } }');
      if (!body.data?.tickets) throw new Error(`tickets failed: ${JSON.stringify(body.errors)}`);
      return body.data.tickets.totalCount as number;
    };
    // the stack's first answer under a loaded CI machine may still be a subgraph warming up: the outage is what is tested
    const before = await firstAnswer(count);
    expect((await stack.graphql(CREATE, { input: input(randomUUID()) })).body.errors).toBeUndefined();
    await proxy.cut();

    const attempts = await Promise.all(Array.from({ length: 10 }, () => randomUUID()).map(async (key) => ({ key, reply: await stack.graphql(CREATE, { input: input(key) }) })));
    for (const { reply } of attempts) {
      expect(reply.status).toBe(503);
      expect(reply.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true, service: 'intake' });
    }
    // the id the caller sees leads to intake's log line saying why
    const requestId = attempts[0].reply.body.extensions.requestId;
    expect(stack.subgraphs.intake.logs().some((line) => line.requestId === requestId && line.msg === 'database unavailable')).toBe(true);
    // departments that do not need intake's database go on serving
    const water = await stack.graphql('{ supplyZones { code } }');
    expect(water.body.errors).toBeUndefined();

    const restored = Date.now();
    await proxy.start();
    let recoveredAfter = -1;
    while (Date.now() - restored < 20_000) {
      const retry = await stack.graphql(CREATE, { input: input(attempts[0].key) });
      if (!retry.body.errors) {
        recoveredAfter = Date.now() - restored;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`intake served again ${recoveredAfter} ms after its database came back`);
    expect(recoveredAfter).toBeGreaterThanOrEqual(0);
    // a retried key makes its ticket once; the other nine failed before anything was stored
    expect(await count()).toBe(before + 2);
  });
});
