import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** The centre's clock: the light it last marked on each assignment, and the lease that lets one replica run it. */
export class DeadlineClock1764700000000 implements MigrationInterface {
  name = 'DeadlineClock1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('assignment', new TableColumn(column.string('light', 10, true)));
    await queryRunner.createTable(new Table({ name: 'clock_lease', columns: [{ ...column.string('name', 40), isPrimary: true }, column.string('holder', 100), column.time('expiresAt')] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('clock_lease');
    await queryRunner.dropColumn('assignment', 'light');
  }
}
