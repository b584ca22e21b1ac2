import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { databaseTarget } from '../../schema/database/database-target';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { startProcessStack, type ProcessStack } from '../support/process-stack';
import { repositoryRoot } from '../../schema/runtime/repository-root';
import { type GaleraNode, galeraNodes, nodePid } from './galera-cluster';

jest.setTimeout(300_000);

const CLIENTS = 8;
const AFTER_KILL_MS = 15_000;
const CREATE = CREATE_TICKET;
const input = (key: string) => ticketInput({ idempotencyKey: key });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Acknowledged {
  id: string;
  at: number;
}

/** Clients creating tickets one after the other until told to stop; an answer with an id is an acknowledged ticket. */
function intakeLoad(stack: ProcessStack) {
  const acknowledged: Acknowledged[] = [];
  const refused = new Map<string, number>();
  let running = true;
  const client = async () => {
    while (running) {
      try {
        const reply = await stack.graphql(CREATE, { input: input(randomUUID()) }, 'operator', 15_000);
        const id = reply.body?.data?.createTicket?.ticket?.id;
        if (id) acknowledged.push({ id, at: Date.now() });
        else {
          const code = reply.body?.errors?.[0]?.extensions?.code ?? `HTTP ${reply.status}`;
          refused.set(code, (refused.get(code) ?? 0) + 1);
        }
      } catch (error) {
        refused.set((error as Error).name, (refused.get((error as Error).name) ?? 0) + 1);
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  return { acknowledged, refused, stop: async () => ((running = false), await Promise.all(clients)) };
}

async function onNode<T>(node: GaleraNode, work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: node.sqlPort, user: 'root' });
  try {
    // read what the cluster has committed, not what this node has applied so far
    await connection.query('SET SESSION wsrep_sync_wait = 1');
    return await work(connection);
  } finally {
    await connection.end();
  }
}

async function countIn(node: GaleraNode, database: string, sql: string, ids: string[]): Promise<number> {
  let found = 0;
  for (let start = 0; start < ids.length; start += 500) {
    const slice = ids.slice(start, start + 500);
    const [rows] = await onNode(node, (connection) => connection.query(sql.replace('$db', `\`${database}\``).replace('$ids', slice.map(() => '?').join(',')), slice));
    found += Number((rows as Array<{ n: number }>)[0].n);
  }
  return found;
}

describe('a Galera node killed under intake load', () => {
  let stack: ProcessStack;
  beforeAll(async () => {
    stack = await startProcessStack();
  });
  const restartDownNodes = () => promisify(execFile)(process.execPath, ['scripts/cluster/galera.js', 'start'], { cwd: repositoryRoot(), env: process.env });
  afterAll(async () => {
    await stack?.close();
    // whatever happened above, the next suite finds three nodes
    await restartDownNodes();
  });

  it('loses no acknowledged ticket nor its audit record; the services carry on on the other two; the node rejoins', async () => {
    const intake = databaseTarget('intake', stack.settings);
    const audit = databaseTarget('audit', stack.settings);
    if (intake.kind !== 'mysql' || audit.kind !== 'mysql') throw new Error('needs TEST_DATABASE_URL naming the cluster');
    const nodes = galeraNodes();
    const victim = nodes.find((node) => node.sqlPort === intake.port)!;
    const survivor = nodes.find((node) => node.sqlPort !== victim.sqlPort)!;
    expect(intake.nodes).toHaveLength(3);

    const load = intakeLoad(stack);
    await sleep(5_000);
    const before = load.acknowledged.length;
    const killedAt = Date.now();
    process.kill(nodePid(victim), 'SIGKILL');
    await sleep(AFTER_KILL_MS);
    await load.stop();
    const after = load.acknowledged.filter((ticket) => ticket.at > killedAt);
    const firstAfter = after.length ? after[0].at - killedAt : -1;
    const lastStretch = after.filter((ticket) => ticket.at > killedAt + AFTER_KILL_MS - 5_000).length;
    console.log(
      `${CLIENTS} clients: ${before} tickets acknowledged in 5 s before ${victim.name} (intake's node) was SIGKILLed, ` +
        `${after.length} in the ${AFTER_KILL_MS / 1000} s after (first ${firstAfter} ms after the kill, ${lastStretch} in the last 5 s); ` +
        `refused: ${JSON.stringify(Object.fromEntries(load.refused))}`,
    );
    expect(before).toBeGreaterThan(0);
    // the survivors hold writes until they have evicted the dead node (evs.suspect_timeout, 5 s by default), then
    // intake, failed over to the next node, serves again: tickets in the last 5 s of the load
    expect(firstAfter).toBeGreaterThanOrEqual(0);
    expect(lastStretch).toBeGreaterThan(0);

    const ids = load.acknowledged.map((ticket) => ticket.id);
    expect(await countIn(survivor, intake.database, 'SELECT COUNT(*) AS n FROM $db.ticket WHERE id IN ($ids)', ids)).toBe(ids.length);
    // the creation event is written with the ticket; the relay then hands it to audit (on another node)
    expect(await countIn(survivor, intake.database, "SELECT COUNT(*) AS n FROM $db.audit_event WHERE action = 'ticket.created' AND ticketId IN ($ids)", ids)).toBe(ids.length);
    const auditDeadline = Date.now() + 60_000;
    let inAudit = 0;
    while ((inAudit = await countIn(survivor, audit.database, "SELECT COUNT(*) AS n FROM $db.trail_event WHERE action = 'ticket.created' AND ticketId IN ($ids)", ids)) < ids.length && Date.now() < auditDeadline) {
      await sleep(500);
    }
    expect(inAudit).toBe(ids.length);

    const restarted = Date.now();
    await restartDownNodes();
    console.log(`${victim.name} rejoined in ${Date.now() - restarted} ms; it holds all ${ids.length} acknowledged tickets`);
    expect(await countIn(victim, intake.database, 'SELECT COUNT(*) AS n FROM $db.ticket WHERE id IN ($ids)', ids)).toBe(ids.length);
    const again = await stack.graphql(CREATE, { input: input(randomUUID()) });
    expect(again.body.errors).toBeUndefined();
  });
});
