import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { createAuditEventTable } from '../../../../schema/audit/audit-event.table';
import { column } from '../../../../schema/database/columns';
import { createWorkOrderTable } from '../../../../schema/work-order/work-order.table';

export class CreateWater1763900000100 implements MigrationInterface {
  name = 'CreateWater1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'supply_zone',
        columns: [
          { ...column.string('code', 40), isPrimary: true },
          column.string('nameZh', 100),
          column.string('nameEn', 100),
          column.text('polygon'),
          column.double('minLatitude'),
          column.double('maxLatitude'),
          column.double('minLongitude'),
          column.double('maxLongitude'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outage',
        columns: [
          column.id(),
          column.string('zoneCode', 40),
          column.string('kind', 20),
          column.text('reason'),
          column.time('startsAt'),
          column.time('endsAt', true),
          column.time('restoredAt', true),
        ],
        foreignKeys: [{ columnNames: ['zoneCode'], referencedTableName: 'supply_zone', referencedColumnNames: ['code'] }],
      }),
    );
    await queryRunner.createIndex('outage', new TableIndex({ columnNames: ['zoneCode', 'startsAt'] }));
    await createWorkOrderTable(queryRunner);
    await createAuditEventTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_event', 'work_order', 'outage', 'supply_zone']) await queryRunner.dropTable(table);
  }
}
