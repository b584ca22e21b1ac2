import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { AssignmentStatus } from '../../schema/enums';
import { assignmentQueueQuery, departmentBacklogQuery } from '../../subgraphs/intake/src/assignment/assignment-queue-query';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { seedIntake } from '../../seeds/intake.seed';
import { explain, tableAccess } from '../support/explain-plan';
import { TEST_MYSQL_URL } from '../support/stack';

/**
 * Issue 14, item 2: the department queues and the supervisors' overdue and
 * due-soon lists read open assignments through an index, never the whole
 * assignment table, which at a city's scale is almost all finished work.
 * 30,000 assignments, 6 % of them still open as at a real centre, give the
 * optimizer statistics worth trusting; the SQL is what the resolvers run.
 */
const ASSIGNMENTS = 30_000;
const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/q${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
let intake: SubgraphDataSource;

beforeAll(async () => {
  intake = await openIntakeDataSource(settings);
  const data = intake.dataSource;
  await seedIntake(data, { sampleTickets: 0 });
  await data.query(
    `INSERT INTO ticket (id, number, channel, content, categoryCode, status, createdAt, updatedAt, supervision, version)
     SELECT CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')), CONCAT('12345-QUEUE-', seq), 'PHONE', 'queue plan test', 'water_outage',
            'DISPATCHED', TIMESTAMPADD(MINUTE, -seq * 7, NOW(3)), NOW(3), 'NONE', 1
     FROM seq_1_to_${ASSIGNMENTS}`,
  );
  // finished work everywhere, a few open ones of each active status, deadlines spread over two weeks either side of now
  await data.query(
    `INSERT INTO assignment (id, ticketId, departmentCode, lead, status, dispatchedAt, deadline, extensionsGranted, urgeCount, version)
     SELECT CONCAT('00000000-0000-4000-9000-', LPAD(seq, 12, '0')), CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')),
            ELT(1 + seq % 3, 'water', 'streetlight', 'transit'), 1,
            IF(seq % 17 = 0, ELT(1 + seq % 5, 'PENDING', 'ACCEPTED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'OBJECTED'), ELT(1 + seq % 3, 'FINISHED', 'RETURNED', 'WITHDRAWN')),
            TIMESTAMPADD(MINUTE, -seq * 7, NOW(3)), TIMESTAMPADD(MINUTE, CAST(seq % 40320 AS SIGNED) - 20160, NOW(3)), 0, 0, 1
     FROM seq_1_to_${ASSIGNMENTS}`,
  );
  await data.query('ANALYZE TABLE assignment');
}, 120_000);

afterAll(async () => {
  await intake?.dataSource.destroy();
  await dropDatabase(databaseTarget('intake', settings)).catch(() => undefined);
});

const now = new Date();
const QUEUES: Array<[string, Parameters<typeof assignmentQueueQuery>[1]]> = [
  ['everything open, soonest first', { first: 50 }],
  ["a department's queue", { departmentCode: 'water', first: 50 }],
  ["a department's queue by one status", { departmentCode: 'streetlight', statuses: [AssignmentStatus.PENDING], first: 50 }],
  ['overdue across departments', { deadlineBefore: now, first: 50 }],
  ['due within 24 hours across departments', { deadlineBefore: new Date(now.getTime() + 86_400_000), first: 50 }],
  ["a department's overdue work", { departmentCode: 'transit', deadlineBefore: now, first: 50 }],
  ['extension requests waiting', { statuses: [AssignmentStatus.EXTENSION_REQUESTED], first: 50 }],
];

describe('the assignment queues at 30,000 assignments', () => {
  it.each(QUEUES)('%s: read through an index', async (_name, selection) => {
    const [sql, parameters] = assignmentQueueQuery(intake.dataSource, selection).getQueryAndParameters();
    const rows = await explain(intake.dataSource, sql, parameters);
    expect(rows.length).toBeGreaterThan(0);
    for (const access of tableAccess(rows)) expect(access).toEqual({ table: access.table, fullScan: false, key: expect.any(String) });
  });

  it('the per-department backlog counts from an index alone', async () => {
    const [sql, parameters] = departmentBacklogQuery(intake.dataSource, now, new Date(now.getTime() + 86_400_000)).getQueryAndParameters();
    const rows = await explain(intake.dataSource, sql, parameters);
    expect(tableAccess(rows)).toEqual([{ table: 'a', fullScan: false, key: expect.any(String) }]);
    // covering: the counts never read an assignment row
    expect(rows[0].Extra).toContain('Using index');
  });

  it('the queue still answers what it answered: open work of the department, soonest deadline first', async () => {
    const page = await assignmentQueueQuery(intake.dataSource, { departmentCode: 'water', deadlineBefore: now, first: 20 }).getMany();
    expect(page).toHaveLength(20);
    for (const assignment of page) {
      expect(assignment.departmentCode).toBe('water');
      expect(['PENDING', 'ACCEPTED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'OBJECTED']).toContain(assignment.status);
      expect(assignment.deadline.getTime()).toBeLessThan(now.getTime());
    }
    const deadlines = page.map((assignment) => assignment.deadline.getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
  });
});
