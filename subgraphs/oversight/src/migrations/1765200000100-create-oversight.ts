import { type MigrationInterface, type QueryRunner, Table, TableIndex, type TableColumnOptions } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/**
 * The counts as this migration made them, written out: a count added to
 * rollup/counters.ts later comes with a migration of its own, and this one
 * must go on making exactly the tables it made.
 */
const COUNTS = [
  'received', 'directlyAnswered', 'dispatched', 'redispatched', 'returned', 'extended', 'urged', 'supervised', 'resultReported',
  'closed', 'onTime', 'overdue', 'satisfied', 'basicallySatisfied', 'notSatisfied', 'unreachable', 'reopened', 'handled',
];

/** The columns of a rollup table as of this migration (the later rollup tables start from them too). */
export const rollupColumns = (extra: TableColumnOptions[] = []): TableColumnOptions[] => [
  { ...column.string('key', 160), isPrimary: true },
  column.string('day', 8),
  column.string('departmentCode', 40),
  ...extra,
  ...COUNTS.map((count) => column.int(count, 0)),
  { ...column.double('handlingMs'), default: 0 },
  column.text('handlingHistogram', true),
];

export class CreateOversight1765200000100 implements MigrationInterface {
  name = 'CreateOversight1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({ name: 'feed_cursor', columns: [{ ...column.string('id', 20), isPrimary: true }, column.int('seq', 0), column.string('eventId', 36, true)] }),
    );
    await queryRunner.query("INSERT INTO feed_cursor (id, seq) VALUES ('audit', 0)");
    await queryRunner.createTable(
      new Table({
        name: 'ticket_fact',
        columns: [
          column.id('ticketId'),
          column.string('categoryCode', 40),
          column.string('channel', 20),
          column.string('district', 40),
          column.string('status', 20),
          column.boolean('supervised'),
          { ...column.string('roundDepartments', 400), default: "''" },
          { ...column.string('judgedDepartments', 400), default: "''" },
          column.string('rating', 30, true),
          column.string('ratingDay', 8, true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'assignment_fact',
        columns: [
          column.id('assignmentId'),
          column.ref('ticketId'),
          column.string('departmentCode', 40),
          column.string('categoryCode', 40),
          column.string('channel', 20),
          column.string('district', 40),
          column.string('status', 20),
          column.boolean('open'),
          column.time('dispatchedAt'),
          column.time('deadline'),
          column.string('deadlineDay', 8),
          column.int('pendingExtensionDays'),
          column.boolean('urged'),
        ],
      }),
    );
    await queryRunner.createIndex('assignment_fact', new TableIndex({ columnNames: ['ticketId'] }));
    // open work past its deadline is counted live, by the deadline's day
    await queryRunner.createIndex('assignment_fact', new TableIndex({ columnNames: ['open', 'deadlineDay'] }));
    await queryRunner.createTable(new Table({ name: 'department_day', columns: rollupColumns() }));
    await queryRunner.createIndex('department_day', new TableIndex({ columnNames: ['day', 'departmentCode'] }));
    await queryRunner.createTable(
      new Table({ name: 'rollup_day', columns: rollupColumns([column.string('categoryCode', 40), column.string('channel', 20), column.string('district', 40)]) }),
    );
    await queryRunner.createIndex('rollup_day', new TableIndex({ columnNames: ['day', 'departmentCode'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rollup_day', 'department_day', 'assignment_fact', 'ticket_fact', 'feed_cursor']) await queryRunner.dropTable(table);
  }
}
