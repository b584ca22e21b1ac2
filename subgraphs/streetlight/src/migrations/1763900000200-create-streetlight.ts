import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { createAuditEventTable } from '../../../../schema/audit/audit-event.table';
import { column } from '../../../../schema/database/columns';
import { createWorkOrderTable } from '../../../../schema/work-order/work-order.table';

export class CreateStreetlight1763900000200 implements MigrationInterface {
  name = 'CreateStreetlight1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lamp_pole',
        columns: [
          { ...column.string('code', 40), isPrimary: true },
          column.string('roadZh', 100),
          column.string('roadEn', 100),
          column.double('latitude'),
          column.double('longitude'),
          column.string('lampType', 20),
          column.string('status', 20),
          column.time('faultReportedAt', true),
          column.time('installedAt'),
        ],
      }),
    );
    // the nearby lookup filters on a bounding box of both coordinates
    await queryRunner.createIndex('lamp_pole', new TableIndex({ columnNames: ['latitude', 'longitude'] }));
    await createWorkOrderTable(queryRunner);
    await createAuditEventTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_event', 'work_order', 'lamp_pole']) await queryRunner.dropTable(table);
  }
}
