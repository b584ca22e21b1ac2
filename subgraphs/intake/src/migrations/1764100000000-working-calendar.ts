import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** The city calendar (holidays, make-up working days) and each category's own time limit. */
export class WorkingCalendar1764100000000 implements MigrationInterface {
  name = 'WorkingCalendar1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'calendar_day',
        columns: [{ ...column.string('date', 10), isPrimary: true }, column.string('kind', 20), column.string('name', 100), column.string('source', 200)],
      }),
    );
    // nullable, no default: existing categories keep the centre's default limit
    await queryRunner.addColumns('category', [new TableColumn(column.int('timeLimitWorkingDays')), new TableColumn(column.int('timeLimitHours'))]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('category', ['timeLimitWorkingDays', 'timeLimitHours']);
    await queryRunner.dropTable('calendar_day');
  }
}
