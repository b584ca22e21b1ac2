import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { openAuditDataSource } from '../../subgraphs/audit/src/data-source';
import type { AuditEventFilter } from '../../subgraphs/audit/src/events/audit-event-filter.input';
import { filteredEvents } from '../../subgraphs/audit/src/events/list-audit-events';
import { explain, tableAccess } from '../support/explain-plan';
import { TEST_MYSQL_URL } from '../support/stack';

/**
 * Issue 14, item 2: every filter of the auditors' event search pages newest
 * first through an index, never by reading (or sorting) the whole trail, and
 * its count reads an index only. 40,000 events of 10,000 tickets, spread over
 * subgraphs, departments (a third are intake's own), actions and actors, give
 * the optimizer statistics worth trusting; the SQL is filteredEvents', which
 * both the page and the count run.
 */
const EVENTS = 40_000;
const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/a${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
let audit: SubgraphDataSource;

beforeAll(async () => {
  audit = await openAuditDataSource(settings);
  await audit.dataSource.query(
    `INSERT INTO trail_event (id, ticketId, ticketSeq, feedSeq, subgraph, department, action, entityType, entityId, actorId, actorRole, requestId,
                              occurredAt, receivedAt, prevHash, hash)
     SELECT CONCAT('00000000-0000-7000-8000-', LPAD(seq, 12, '0')), CONCAT('00000000-0000-4000-8000-', LPAD(seq DIV 4, 12, '0')), 1 + seq % 4, seq,
            ELT(1 + seq % 10, 'intake', 'intake', 'intake', 'intake', 'intake', 'intake', 'water', 'streetlight', 'transit', 'intake'),
            ELT(1 + seq % 13, 'intake', 'intake', 'intake', 'intake', 'water', 'streetlight', 'transit', 'gas', 'housing', 'power', 'roads', 'parks', 'police'),
            ELT(1 + seq % 8, 'ticket.created', 'ticket.dispatched', 'assignment.accept', 'assignment.reportResult', 'ticket.result_reported', 'ticket.callback', 'ticket.answer', 'assignment.return'),
            'Ticket', 'x',
            CONCAT('user-', seq % 300), 'OPERATOR', CONCAT('req-', seq),
            TIMESTAMPADD(SECOND, -seq * 60, NOW(3)), NOW(3), REPEAT('0', 64), REPEAT('0', 64)
     FROM seq_1_to_${EVENTS}`,
  );
  await audit.dataSource.query('ANALYZE TABLE trail_event');
}, 120_000);

afterAll(async () => {
  await audit?.dataSource.destroy();
  await dropDatabase(databaseTarget('audit', settings)).catch(() => undefined);
});

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
const FILTERS: Array<[string, AuditEventFilter | null]> = [
  ['no filter', null],
  ['actor', { actorId: 'user-42' }],
  ['subgraph', { subgraph: 'water' }],
  ['department', { department: 'gas' }],
  ['action', { action: 'assignment.accept' }],
  ['ticket', { ticketId: '00000000-0000-4000-8000-000000004242' }],
  ['time range', { from: day(3), to: day(2) }],
  ['actor in a time range', { actorId: 'user-7', from: day(10), to: day(1) }],
  ['department and action', { department: 'water', action: 'ticket.dispatched' }],
];

describe('the audit search at 40,000 events', () => {
  it.each(FILTERS)('%s: the page and the count read through an index', async (_name, filter) => {
    const page = filteredEvents(audit.dataSource, filter).limit(51).getQueryAndParameters();
    const count = filteredEvents(audit.dataSource, filter).select('COUNT(*)').orderBy().getQueryAndParameters();
    for (const [sql, parameters] of [page, count]) {
      const access = tableAccess(await explain(audit.dataSource, sql, parameters));
      expect(access.length).toBeGreaterThan(0);
      for (const table of access) expect(table).toEqual({ table: table.table, fullScan: false, key: expect.any(String) });
    }
  });

  it.each(FILTERS.filter(([, filter]) => filter !== null && !filter.ticketId))('%s: the page is read in index order, with no sort of every match', async (_name, filter) => {
    const [sql, parameters] = filteredEvents(audit.dataSource, filter).limit(51).getQueryAndParameters();
    const [row] = await explain(audit.dataSource, sql, parameters);
    expect({ key: row.key, sorts: String(row.Extra ?? '').includes('filesort') }).toEqual({ key: row.key, sorts: false });
  });
});
