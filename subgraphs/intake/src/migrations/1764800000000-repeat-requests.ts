import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** 并单: which ticket a repeat was merged into, and the lookups that find repeats at intake (same caller, same category). */
export class RepeatRequests1764800000000 implements MigrationInterface {
  name = 'RepeatRequests1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('ticket', new TableColumn(column.ref('mergedIntoId', true)));
    await queryRunner.createIndex('ticket', new TableIndex({ name: 'IDX_ticket_merged_into', columnNames: ['mergedIntoId'] }));
    await queryRunner.createIndex('ticket', new TableIndex({ name: 'IDX_ticket_phone_created', columnNames: ['citizenPhone', 'createdAt'] }));
    await queryRunner.createIndex('ticket', new TableIndex({ name: 'IDX_ticket_category_created', columnNames: ['categoryCode', 'createdAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['IDX_ticket_category_created', 'IDX_ticket_phone_created', 'IDX_ticket_merged_into']) await queryRunner.dropIndex('ticket', name);
    await queryRunner.dropColumn('ticket', 'mergedIntoId');
  }
}
