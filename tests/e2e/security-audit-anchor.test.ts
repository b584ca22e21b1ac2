import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { type AuditEventWire, postAuditEvents } from '../../schema/audit/audit-wire';
import { listen, type Listening } from '../../schema/http/listen';
import { Role } from '../../schema/identity/roles';
import type { SubgraphApp } from '../../schema/federation/subgraph-app';
import { AnchorLedger } from '../../subgraphs/audit/src/anchor/anchor-ledger';
import { signAnchor } from '../../subgraphs/audit/src/anchor/anchor-line';
import type { AnchorSettings } from '../../subgraphs/audit/src/anchor/anchor-settings';
import { writeAnchor } from '../../subgraphs/audit/src/anchor/write-anchor';
import { createAuditApp } from '../../subgraphs/audit/src/server';
import { TrailEvent } from '../../subgraphs/audit/src/trail/trail-event.entity';
import { chainHash } from '../../subgraphs/audit/src/trail/trail-hash';
import { verifyAllTrails, verifyTrail } from '../../subgraphs/audit/src/trail/verify-trail';
import { signedAsGateway, testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let auditDb: DataSource;
/** A second audit service on the same database, as `npm start` runs it with AUDIT_ANCHOR_KEY set. */
let anchored: { app: SubgraphApp; listening: Listening };
const keys = generateKeyPairSync('ed25519');
const settings: AnchorSettings = {
  file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anchors-')), 'audit-anchors.jsonl'),
  signingKey: keys.privateKey,
  verifyKey: keys.publicKey,
  intervalMs: 0,
};
beforeAll(async () => {
  stack = await startStack();
  auditDb = stack.subgraphs.audit.data.dataSource;
  const app = await createAuditApp(auditDb, { port: 0, database: stack.database, hopKeys: testKeys('audit'), anchor: settings });
  anchored = { app, listening: await listen(app.app, 0) };
  await new Promise((resolve) => setTimeout(resolve, 300)); // its first anchor (of no heads yet)
});
afterAll(async () => {
  await anchored?.listening.close();
  await anchored?.app.stop();
  await stack?.close();
});

let clock = Date.parse('2025-05-01T08:00:00.000Z');
const wire = (ticketId: string, reason: string): AuditEventWire => ({
  id: randomUUID(), ticketId, subgraph: 'water', action: 'work_order.updated', entityType: 'WorkOrder', entityId: randomUUID(), fromState: null,
  toState: null, actorId: 'water-staff-1', actorRole: 'DEPARTMENT_STAFF', requestId: randomUUID(), reason, data: null,
  occurredAt: new Date((clock += 60_000)).toISOString(),
});
async function trailOf(count: number, ticketId: string = randomUUID()): Promise<string> {
  await postAuditEvents(stack.subgraphs.audit.url, testKeys('water'), 'water', Array.from({ length: count }, (_, i) => wire(ticketId, `step ${i + 1}`)));
  return ticketId;
}
const ledger = async () => {
  const read = new AnchorLedger(settings.file, keys.publicKey);
  await read.refresh();
  return read;
};
const VERIFY = 'query($id: ID!) { verifyTrail(ticketId: $id) { ok events firstBadEventId firstBadSeq problem message } }';
async function verifyThroughAnchoredService(ticketId: string) {
  const body = { query: VERIFY, variables: { id: ticketId } };
  const response = await request(anchored.listening.url).post('/graphql')
    .set(await signedAsGateway({ id: 'auditor-1', roles: [Role.AUDITOR] }, 'audit', body)).send(body);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.verifyTrail;
}

/** What an attacker with the audit database (and the code) can do: edit an event, then recompute every hash after it and the head. */
async function rechain(ticketId: string, seq: number, reason: string): Promise<void> {
  const rows = await auditDb.getRepository(TrailEvent).find({ where: { ticketId }, order: { ticketSeq: 'ASC' } });
  rows[seq - 1].reason = reason;
  for (let i = seq - 1; i < rows.length; i += 1) {
    if (i > 0) rows[i].prevHash = rows[i - 1].hash;
    rows[i].hash = chainHash(rows[i].prevHash, rows[i]);
    await auditDb.query('UPDATE trail_event SET reason = ?, prevHash = ?, hash = ? WHERE id = ?', [rows[i].reason, rows[i].prevHash, rows[i].hash, rows[i].id]);
  }
  await auditDb.query('UPDATE trail_head SET lastHash = ? WHERE ticketId = ?', [rows.at(-1)!.hash, ticketId]);
}

describe('chain heads anchored outside the audit database', () => {
  it('names a trail rewritten and re-hashed in the database, a trail deleted whole and a chain cut with its head rewound', async () => {
    const rewritten = await trailOf(2);
    expect(await writeAnchor(auditDb, settings)).toBeGreaterThan(0);
    await trailOf(3, rewritten);
    const deleted = await trailOf(3);
    const cut = await trailOf(3);
    const untouched = await trailOf(2);
    await writeAnchor(auditDb, settings);

    await rechain(rewritten, 4, 'nothing happened here');
    await auditDb.query('DELETE FROM trail_event WHERE ticketId = ?', [deleted]);
    await auditDb.query('DELETE FROM trail_head WHERE ticketId = ?', [deleted]);
    const [{ hash }] = await auditDb.query('SELECT hash FROM trail_event WHERE ticketId = ? AND ticketSeq = 2', [cut]);
    await auditDb.query('DELETE FROM trail_event WHERE ticketId = ? AND ticketSeq = 3', [cut]);
    await auditDb.query('UPDATE trail_head SET lastSeq = 2, lastHash = ? WHERE ticketId = ?', [hash, cut]);

    // the chains alone still hold: only the anchors tell
    for (const ticketId of [rewritten, cut]) expect(await verifyTrail(auditDb, ticketId)).toMatchObject({ ok: true });
    const { broken } = await verifyAllTrails(auditDb);
    expect(broken.map((result) => result.ticketId)).not.toEqual(expect.arrayContaining([rewritten]));

    const [fifth] = await auditDb.query('SELECT id FROM trail_event WHERE ticketId = ? AND ticketSeq = 5', [rewritten]);
    const forgery = await verifyThroughAnchoredService(rewritten);
    expect(forgery).toMatchObject({ ok: false, problem: 'CONTENT_CHANGED', firstBadSeq: 5, firstBadEventId: fifth.id });
    expect(forgery.message).toMatch(/rewritten and re-hashed up to it, after event #2, which still matches anchor/);
    expect(await verifyThroughAnchoredService(deleted)).toMatchObject({ ok: false, problem: 'EVENT_MISSING', events: 0 });
    expect(await verifyThroughAnchoredService(cut)).toMatchObject({ ok: false, problem: 'EVENT_MISSING', firstBadSeq: 3, firstBadEventId: null });
    const fine = await verifyThroughAnchoredService(untouched);
    expect(fine).toMatchObject({ ok: true, events: 2 });
    expect(fine.message).toMatch(/matches the anchored head #2/);

    // what `npm run audit:verify` reports: the deleted ticket too, though the database no longer knows it
    const all = await verifyAllTrails(auditDb, await ledger());
    const named = Object.fromEntries(all.broken.map((result) => [result.ticketId, result]));
    expect(named[rewritten]).toMatchObject({ problem: 'CONTENT_CHANGED', firstBadSeq: 5 });
    expect(named[deleted]).toMatchObject({ problem: 'EVENT_MISSING', message: expect.stringMatching(/whole trail was deleted: 3 events were anchored/) });
    expect(named[cut]).toMatchObject({ problem: 'EVENT_MISSING', message: expect.stringMatching(/#3–#3 were anchored/) });
    expect(named[untouched]).toBeUndefined();
    // anchoring the forged state afterwards does not launder it: the older anchors still disagree
    await writeAnchor(auditDb, settings);
    expect((await verifyAllTrails(auditDb, await ledger())).broken.find((result) => result.ticketId === rewritten)).toMatchObject({ problem: 'CONTENT_CHANGED' });
  });

  it('names anchor lines that were forged, altered or taken out of the file', async () => {
    await trailOf(1);
    await writeAnchor(auditDb, settings);
    expect((await ledger()).problems).toEqual([]);
    const lines = fs.readFileSync(settings.file, 'utf8').trimEnd().split('\n');
    const last = JSON.parse(lines.at(-1)!);
    const forged = signAnchor({ ...last, seq: last.seq + 1, heads: [[randomUUID(), 9, 'f'.repeat(64)]] }, generateKeyPairSync('ed25519').privateKey);
    const altered = JSON.stringify({ ...last, heads: [] });
    // the second line taken out, the last one's heads emptied, a line signed with another key added
    fs.writeFileSync(settings.file, `${[lines[0], ...lines.slice(2, -1), altered, JSON.stringify(forged)].join('\n')}\n`);
    const read = await ledger();
    expect(read.problems).toEqual([
      expect.stringMatching(/line 2 \(anchor #3\) does not follow anchor #1: anchors were removed or inserted/),
      expect.stringMatching(new RegExp(`line ${lines.length - 1} \\(anchor #${last.seq}\\) is not signed by the anchor key: ignored`)),
      expect.stringMatching(new RegExp(`line ${lines.length} \\(anchor #${last.seq + 1}\\) is not signed by the anchor key: ignored`)),
    ]);
    expect(read.pointsOf(forged.heads[0][0])).toEqual([]);
    // a file cut shorter than what was read is named too
    fs.writeFileSync(settings.file, `${lines[0]}\n`);
    await read.refresh();
    await read.refresh();
    expect(read.problems.filter((problem) => /shrank .*: anchors were removed/.test(problem))).toHaveLength(1);
  });

  it('anchors the heads when the anchoring service stops', async () => {
    const ticketId = await trailOf(2);
    await anchored.app.stop();
    expect((await ledger()).pointsOf(ticketId)).toEqual([expect.objectContaining({ lastSeq: 2 })]);
  });
});
