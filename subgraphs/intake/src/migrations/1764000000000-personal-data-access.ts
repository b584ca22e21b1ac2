import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

export class PersonalDataAccess1764000000000 implements MigrationInterface {
  name = 'PersonalDataAccess1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'personal_data_access',
        columns: [
          column.id(),
          column.ref('ticketId'),
          column.string('field', 40),
          column.string('actorId', 100),
          column.string('actorRoles', 200),
          column.string('requestId', 100),
          column.time('accessedAt'),
        ],
      }),
    );
    await queryRunner.createIndex('personal_data_access', new TableIndex({ columnNames: ['ticketId', 'accessedAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('personal_data_access');
  }
}
