import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { createAuditEventTable } from '../../../../schema/audit/audit-event.table';
import { column } from '../../../../schema/database/columns';
import { createWorkOrderTable } from '../../../../schema/work-order/work-order.table';

export class CreateTransit1763900000300 implements MigrationInterface {
  name = 'CreateTransit1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'bus_route',
        columns: [
          { ...column.string('code', 20), isPrimary: true },
          column.string('nameZh', 100),
          column.string('nameEn', 100),
          column.string('firstDeparture', 5),
          column.string('lastDeparture', 5),
          column.string('operator', 100),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'bus_stop',
        columns: [
          { ...column.string('code', 20), isPrimary: true },
          column.string('nameZh', 100),
          column.string('nameEn', 100),
          column.double('latitude'),
          column.double('longitude'),
        ],
      }),
    );
    // the nearby search pre-filters on a latitude band
    await queryRunner.createIndex('bus_stop', new TableIndex({ columnNames: ['latitude', 'longitude'] }));
    await queryRunner.createTable(
      new Table({
        name: 'route_stop',
        columns: [
          { ...column.string('routeCode', 20), isPrimary: true },
          { ...column.int('sequence'), isNullable: false, isPrimary: true },
          column.string('stopCode', 20),
        ],
        foreignKeys: [
          { columnNames: ['routeCode'], referencedTableName: 'bus_route', referencedColumnNames: ['code'] },
          { columnNames: ['stopCode'], referencedTableName: 'bus_stop', referencedColumnNames: ['code'] },
        ],
      }),
    );
    await queryRunner.createIndex('route_stop', new TableIndex({ columnNames: ['stopCode'] }));
    await createWorkOrderTable(queryRunner);
    await createAuditEventTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_event', 'work_order', 'route_stop', 'bus_stop', 'bus_route']) await queryRunner.dropTable(table);
  }
}
