import { FeedDiverged, feedRequestPath, readAuditFeed } from '../../schema/audit/audit-feed';
import { signIdentity } from '../../schema/identity/signed-identity';
import { serviceIdentity } from '../../schema/identity/roles';
import { newTicket, ok } from '../support/lifecycle-steps';
import { drainIntoOversight, followerFor } from '../support/oversight/follow-feed';
import { testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ relay: true });
  // four departments' relays deliver at once: places in the feed must still come out gap-free
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      const { ticketId, assignmentIds } = await newTicket(stack, ['water', 'transit']);
      await ok(stack, 'accept', { id: assignmentIds[0] });
      await stack.graphql('mutation($input: WaterCreateWorkOrderInput!) { createWaterWorkOrder(input: $input) { workOrder { id } } }', { input: { ticketId, description: '抢修 Repair' } }, { as: 'waterStaff' });
    }),
  );
  await drainIntoOversight(stack, followerFor(stack, 7));
});
afterAll(async () => {
  await stack?.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => fetch(`${stack.subgraphs.audit.url}${path}`, { headers });

describe("the audit service's feed", () => {
  it('numbers every stored event once, 1 to n without a gap, in the order stored', async () => {
    const page = await readAuditFeed(stack.subgraphs.audit.url, testKeys('oversight'), { seq: 0, eventId: null }, 1000);
    const stored = Number((await stack.subgraphs.audit.data.dataSource.query('SELECT COUNT(*) AS n FROM trail_event'))[0].n);
    expect(page.head).toBe(stored);
    expect(page.events.map((event) => event.seq)).toEqual(Array.from({ length: stored }, (_, i) => i + 1));
    expect(new Set(page.events.map((event) => event.subgraph))).toEqual(new Set(['intake', 'water']));
    // who acted and why stay in the audit service
    expect(Object.keys(page.events[0]).sort()).toEqual(['action', 'data', 'entityId', 'entityType', 'fromState', 'id', 'occurredAt', 'seq', 'subgraph', 'ticketId', 'toState']);
  });

  it('answers oversight alone: unsigned 401, another service speaking for itself 403', async () => {
    const path = feedRequestPath({ seq: 0, eventId: null }, 10);
    expect((await get(path)).status).toBe(401);
    const asWater = await signIdentity(serviceIdentity('water'), testKeys('water'), 'audit', { method: 'GET', query: path });
    expect((await get(path, asWater)).status).toBe(403);
    const forAnotherPath = await signIdentity(serviceIdentity('oversight'), testKeys('oversight'), 'audit', { method: 'GET', query: feedRequestPath({ seq: 5, eventId: null }, 10) });
    expect((await get(path, forAnotherPath)).status).toBe(401);
  });

  it('refuses to continue from an event it does not hold where the reader says', async () => {
    await expect(readAuditFeed(stack.subgraphs.audit.url, testKeys('oversight'), { seq: 3, eventId: '00000000-0000-4000-8000-000000000000' }, 10)).rejects.toThrow(FeedDiverged);
  });

  it('has been followed to its head by oversight, each event once', async () => {
    const [cursor] = await stack.subgraphs.oversight.data.dataSource.query('SELECT seq FROM feed_cursor');
    const stored = Number((await stack.subgraphs.audit.data.dataSource.query('SELECT COUNT(*) AS n FROM trail_event'))[0].n);
    expect(Number(cursor.seq)).toBe(stored);
    const [{ dispatched }] = await stack.subgraphs.oversight.data.dataSource.query("SELECT SUM(dispatched) AS dispatched FROM department_day WHERE departmentCode = '*'");
    expect(Number(dispatched)).toBe(16);
  });
});
