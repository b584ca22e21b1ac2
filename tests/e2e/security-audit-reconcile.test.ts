import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditEvent } from '../../schema/audit/audit-event.entity';
import { OutboxRelay } from '../../schema/audit/outbox-relay';
import { postAuditEvents, toAuditEventWire } from '../../schema/audit/audit-wire';
import { type OutboxCheck, reconcileAll } from '../../subgraphs/audit/src/reconcile/reconcile-all';
import type { Reconciliation } from '../../subgraphs/audit/src/reconcile/reconcile-outbox';
import { newTicket } from '../support/lifecycle-steps';
import { testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let auditDb: DataSource;

const relayOf = (subgraph: 'intake' | 'water') =>
  new OutboxRelay({ subgraph, dataSource: stack.subgraphs[subgraph].data.dataSource, auditUrl: () => stack.subgraphs.audit.url, hopKeys: testKeys(subgraph) });

async function reconcile(subgraphs: string[], from: Date, to = new Date(Date.now() + 60_000)): Promise<Record<string, OutboxCheck>> {
  const checks = await reconcileAll(auditDb, { subgraphs, from, to, settingsOf: () => stack.database });
  return Object.fromEntries(checks.map((check) => [check.subgraph, check]));
}

describe.each(['mysql', 'embedded'] as const)("reconciling the subgraphs' outboxes with the trail (%s)", (engine) => {
  beforeAll(async () => {
    stack = await startStack({ engine });
    auditDb = stack.subgraphs.audit.data.dataSource;
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('names a delivered event the trail lost, an event the trail holds that no outbox recorded, and tells waiting from missing', async () => {
    const from = new Date(Date.now() - 60_000);
    const tickets = [await newTicket(stack, ['water']), await newTicket(stack, ['transit'])];
    while ((await relayOf('intake').flush()) > 0);
    const clean = (await reconcile(['intake'], from)).intake as Reconciliation;
    expect(clean).toMatchObject({ recorded: 4, waiting: 0, missingCount: 0, extraCount: 0 });

    // deleted from the trail (the whole ticket's chain and head, so no chain check would see it)
    const [lost] = await stack.subgraphs.intake.data.dataSource.getRepository(AuditEvent).findBy({ ticketId: tickets[1].ticketId, action: 'ticket.created' });
    await auditDb.query('DELETE FROM trail_event WHERE ticketId = ?', [tickets[1].ticketId]);
    await auditDb.query('DELETE FROM trail_head WHERE ticketId = ?', [tickets[1].ticketId]);
    // a relay-signed delivery of an event water never recorded (a forged or replayed row)
    const forged = { ...toAuditEventWire(lost), id: randomUUID(), subgraph: 'water', ticketId: tickets[0].ticketId, occurredAt: new Date().toISOString() };
    await postAuditEvents(stack.subgraphs.audit.url, testKeys('water'), 'water', [forged]);
    // recorded by intake but not yet delivered: on its way, not missing
    await newTicket(stack);

    const checks = await reconcile(['intake', 'water', 'nowhere'], from);
    expect(checks.intake).toMatchObject({ recorded: 5, waiting: 1, missingCount: 2, extraCount: 0 });
    expect((checks.intake as Reconciliation).missing).toEqual(expect.arrayContaining([{ id: lost.id, ticketId: tickets[1].ticketId }]));
    expect(checks.water).toMatchObject({ missingCount: 0, extraCount: 1, extra: [{ id: forged.id, ticketId: tickets[0].ticketId }] });
    expect(checks.nowhere).toMatchObject({ unreachable: expect.any(String) });
    // outside the window nothing is named
    expect((await reconcile(['intake', 'water'], new Date(0), from)).intake).toMatchObject({ recorded: 0, missingCount: 0, extraCount: 0 });
  });
});
