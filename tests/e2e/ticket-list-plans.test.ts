import { encodeKeysetCursor, readPageRequest } from '../../schema/pagination/keyset-page';
import { ticketCountQuery, ticketPageQuery } from '../../subgraphs/intake/src/ticket/list-tickets';
import type { TicketFilter } from '../../subgraphs/intake/src/ticket/ticket-filter.input';
import type { TicketScope } from '../../subgraphs/intake/src/ticket/ticket-access';
import { type Stack, startStack } from '../support/stack';

/**
 * Issue 14, item 2: every filter the ticket list offers is answered from an
 * index, never by reading the whole table. 20,000 tickets (a third of them
 * assigned) give MariaDB's optimizer statistics worth trusting; EXPLAIN of
 * the page's and the count's own SQL (the functions listTickets runs) must
 * show an index on every table it reads.
 */
const TICKETS = 20_000;
/**
 * Skewed as a city is: two thirds of the dispatched tickets CLOSED, a few
 * REOPENED; water takes most of the work, health one ticket in 60. At 1 M
 * tickets this shape made MariaDB answer "CLOSED at water" by scanning every
 * assignment of the department (1.1-1.8 s).
 */
const DEPARTMENT_OF_SEQ = "IF(seq % 60 = 0, 'health', ELT(1 + seq % 7, 'water', 'water', 'water', 'water', 'streetlight', 'transit', 'transit'))";
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  const intake = stack.subgraphs.intake.data.dataSource;
  // Sequence engine rows, a synthetic spread of channels, statuses, categories and days
  await intake.query(
    `INSERT INTO ticket (id, number, channel, citizenName, citizenPhone, content, categoryCode, status, createdAt, updatedAt, supervision, version)
     SELECT CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')), CONCAT('12345-PLAN-', seq),
            ELT(1 + seq % 5, 'PHONE', 'SMS', 'WEB', 'APP', 'MAYOR_MAILBOX'), '测试', CONCAT('139', LPAD(seq % 5000, 8, '0')), '路灯不亮 plan test',
            ELT(1 + seq % 4, 'streetlight_out', 'water_outage', 'bus_service', 'other'),
            IF(seq % 3 = 0, ELT(1 + seq % 18 DIV 3, 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'DISPATCHED', 'REOPENED'), ELT(1 + seq % 2, 'RECEIVED', 'ANSWERED')),
            TIMESTAMPADD(MINUTE, -seq * 13, NOW(3)), NOW(3), 'NONE', 1
     FROM seq_1_to_${TICKETS}`,
  );
  await intake.query(
    `INSERT INTO assignment (id, ticketId, departmentCode, lead, status, dispatchedAt, deadline, extensionsGranted, urgeCount, version)
     SELECT CONCAT('00000000-0000-4000-9000-', LPAD(seq, 12, '0')), CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')),
            ${DEPARTMENT_OF_SEQ}, 1, 'PENDING', NOW(3), NOW(3), 0, 0, 1
     FROM seq_1_to_${TICKETS} WHERE seq % 3 = 0`,
  );
  // what dispatchTicket writes beside each assignment (the same fill as the migration's)
  await intake.query(
    `INSERT INTO ticket_department (ticketId, departmentCode, ticketCreatedAt, ticketStatus)
     SELECT t.id, a.departmentCode, t.createdAt, t.status FROM assignment a JOIN ticket t ON t.id = a.ticketId`,
  );
  await intake.query('ANALYZE TABLE ticket, assignment, ticket_department');
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

interface PlanRow {
  table: string | null;
  type: string;
  key: string | null;
}

async function plan(sql: string, parameters: unknown[]): Promise<PlanRow[]> {
  return stack.subgraphs.intake.data.dataSource.query(`EXPLAIN ${sql}`, parameters);
}

const FILTERS: Array<[string, TicketFilter | null, TicketScope]> = [
  ['no filter', null, {}],
  ['status', { status: ['REOPENED'] } as TicketFilter, {}],
  ['channel', { channel: ['MAYOR_MAILBOX'] } as TicketFilter, {}],
  ['category', { categoryCode: 'bus_service' } as TicketFilter, {}],
  ['created range', { createdFrom: new Date(Date.now() - 86_400_000), createdTo: new Date() } as TicketFilter, {}],
  ['department', { departmentCode: 'water' } as TicketFilter, {}],
  ["a department's own list", null, { departmentCode: 'transit' }],
  ["a citizen's own list", null, { citizenPhone: '13900000042' }],
];

describe('the ticket list at 20,000 tickets', () => {
  // a cursor in the middle of the list: forward pages read older tickets from it, backward pages newer ones
  const middle = encodeKeysetCursor({ at: new Date(Date.now() - (TICKETS / 2) * 13 * 60_000), id: '00000000-0000-4000-8000-000000010000' });
  const PAGES = {
    first: readPageRequest({ first: 50 }, { defaultSize: 20, maxSize: 100 }),
    'after a cursor': readPageRequest({ first: 50, after: middle }, { defaultSize: 20, maxSize: 100 }),
    'last, backward': readPageRequest({ last: 50 }, { defaultSize: 20, maxSize: 100 }),
    'before a cursor, backward': readPageRequest({ last: 50, before: middle }, { defaultSize: 20, maxSize: 100 }),
  };

  it.each(FILTERS)('%s: every page (forward and backward) and the count read only through indexes', async (_name, filter, scope) => {
    const pages = Object.values(PAGES).map((request) => ticketPageQuery(stack.subgraphs.intake.data.dataSource, filter, request, scope).getQueryAndParameters());
    const count = ticketCountQuery(stack.subgraphs.intake.data.dataSource, filter, scope).select('COUNT(*)').getQueryAndParameters();
    for (const [sql, parameters] of [...pages, count]) {
      const rows = await plan(sql, parameters);
      expect(rows.length).toBeGreaterThan(0);
      // <subqueryN> is the optimizer's own temporary table of a semi-join, filled through an index: no stored table;
      // no table at all: the optimizer saw from the index statistics that nothing matches (the last day before a cursor months back)
      for (const row of rows.filter((entry) => entry.table !== null && !entry.table.startsWith('<'))) expect({ table: row.table, fullScan: row.type === 'ALL', key: row.key }).toEqual({ table: row.table, fullScan: false, key: expect.any(String) });
    }
  });
});

/** Index and row reads the storage engine did for one statement, from the session's own handler counters. */
async function readsFor(sql: string, parameters: unknown[]): Promise<{ rows: number; reads: number }> {
  const runner = stack.subgraphs.intake.data.dataSource.createQueryRunner();
  try {
    await runner.query('FLUSH STATUS');
    const rows = (await runner.query(sql, parameters)) as unknown[];
    const counters = (await runner.query("SHOW SESSION STATUS LIKE 'Handler_read%'")) as Array<{ Variable_name: string; Value: string }>;
    const reads = counters.filter((counter) => counter.Variable_name !== 'Handler_read_rnd_deleted').reduce((sum, counter) => sum + Number(counter.Value), 0);
    return { rows: rows.length, reads };
  } finally {
    await runner.release();
  }
}

describe("a department's page reads about a page of rows, however common or rare the department and the status", () => {
  const first = readPageRequest({ first: 50 }, { defaultSize: 20, maxSize: 100 });
  const CASES: Array<[string, TicketFilter | null, TicketScope]> = [
    ['CLOSED at water (the busiest department, the commonest status)', { status: ['CLOSED'], departmentCode: 'water' } as TicketFilter, {}],
    ['CLOSED at health (one ticket in 60)', { status: ['CLOSED'], departmentCode: 'health' } as TicketFilter, {}],
    ['REOPENED at water (a rare status)', { status: ['REOPENED'], departmentCode: 'water' } as TicketFilter, {}],
    ['DISPATCHED in transit\'s own list', { status: ['DISPATCHED'] } as TicketFilter, { departmentCode: 'transit' }],
    ["health's own list, no status", null, { departmentCode: 'health' }],
  ];

  it.each(CASES)('%s', async (_name, filter, scope) => {
    const dataSource = stack.subgraphs.intake.data.dataSource;
    const [sql, parameters] = ticketPageQuery(dataSource, filter, first, scope).getQueryAndParameters();
    const { rows, reads } = await readsFor(sql, parameters);
    const [count] = (await dataSource.query(...ticketCountQuery(dataSource, filter, scope).select('COUNT(*)', 'n').getQueryAndParameters())) as Array<{ n: string }>;
    expect(rows).toBe(Math.min(51, Number(count.n)));
    // one index entry and one ticket by primary key for each row of the page (and the one after it), and a few to
    // start the range: the busiest department read 670,000 index rows for this page before ticket_department
    expect(reads).toBeLessThanOrEqual(2 * 51 + 10);
  });
});
