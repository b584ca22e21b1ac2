import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** Messages owed to citizens (a merged repeat's citizen told the primary's result), kept with the step that owes them. */
export class CitizenNotice1765000000000 implements MigrationInterface {
  name = 'CitizenNotice1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'citizen_notice',
        columns: [column.id(), column.ref('ticketId'), column.string('phone', 20, true), column.string('kind', 40), column.text('text'), column.time('createdAt'), column.time('sentAt', true)],
      }),
    );
    await queryRunner.createIndex('citizen_notice', new TableIndex({ columnNames: ['ticketId', 'createdAt'] }));
    await queryRunner.createIndex('citizen_notice', new TableIndex({ columnNames: ['sentAt', 'createdAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('citizen_notice');
  }
}
