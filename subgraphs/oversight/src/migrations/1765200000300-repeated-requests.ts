import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { column } from '../../../../schema/database/columns';

const ROLLUP_TABLES = ['rollup_day', 'department_day', 'department_month'];

/**
 * 重复诉求: the repeated count, and what a ticket fact needs to move a merged
 * repeat's receipt (its receipt day, its primary). Like the month tables'
 * migration, the derived tables are emptied and the cursor rewound, so the
 * feed is counted again with merges in it.
 */
export class RepeatedRequests1765200000300 implements MigrationInterface {
  name = 'RepeatedRequests1765200000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ROLLUP_TABLES) await addMissing(queryRunner, table, column.int('repeated', 0));
    await addMissing(queryRunner, 'ticket_fact', column.string('receivedDay', 8, true));
    await addMissing(queryRunner, 'ticket_fact', column.ref('repeatOf', true));
    for (const table of [...ROLLUP_TABLES, 'assignment_fact', 'ticket_fact']) await queryRunner.query(`DELETE FROM ${table}`);
    await queryRunner.query("UPDATE feed_cursor SET seq = 0, eventId = NULL WHERE id = 'audit'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ROLLUP_TABLES) await queryRunner.dropColumn(table, 'repeated');
    await queryRunner.dropColumn('ticket_fact', 'repeatOf');
    await queryRunner.dropColumn('ticket_fact', 'receivedDay');
  }
}

async function addMissing(queryRunner: QueryRunner, table: string, options: ConstructorParameters<typeof TableColumn>[0]): Promise<void> {
  if (!(await queryRunner.hasColumn(table, options!.name!))) await queryRunner.addColumn(table, new TableColumn(options));
}
