import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { createAuditEventTable } from '../../../../schema/audit/audit-event.table';
import { column } from '../../../../schema/database/columns';

export class CreateIntake1763900000000 implements MigrationInterface {
  name = 'CreateIntake1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'department',
        columns: [
          { ...column.string('code', 40), isPrimary: true },
          column.string('nameZh', 100),
          column.string('nameEn', 100),
          column.boolean('federated'),
          column.string('subgraph', 40, true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'category',
        columns: [
          { ...column.string('code', 40), isPrimary: true },
          column.string('nameZh', 100),
          column.string('nameEn', 100),
          column.string('departmentCode', 40, true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ticket',
        columns: [
          column.id(),
          { ...column.string('number', 30), isUnique: true },
          column.string('channel', 20),
          column.string('citizenName', 50, true),
          column.string('citizenPhone', 20, true),
          column.text('content'),
          column.string('categoryCode', 40),
          column.string('address', 200, true),
          column.double('latitude', true),
          column.double('longitude', true),
          column.string('status', 20),
          column.text('answer', true),
          column.time('createdAt'),
          column.time('updatedAt'),
          column.time('deadline', true),
          column.time('closedAt', true),
          column.int('version', 1),
        ],
      }),
    );
    await queryRunner.createIndex('ticket', new TableIndex({ columnNames: ['createdAt', 'id'] }));
    await queryRunner.createIndex('ticket', new TableIndex({ columnNames: ['status', 'createdAt'] }));
    await queryRunner.createIndex('ticket', new TableIndex({ columnNames: ['channel', 'createdAt'] }));
    await queryRunner.createTable(
      new Table({ name: 'ticket_sequence', columns: [{ ...column.string('day', 8), isPrimary: true }, column.int('lastValue', 0)] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'assignment',
        columns: [
          column.id(),
          column.ref('ticketId'),
          column.string('departmentCode', 40),
          column.boolean('lead'),
          column.string('status', 20),
          column.text('note', true),
          column.time('dispatchedAt'),
          column.time('deadline'),
        ],
        foreignKeys: [
          { columnNames: ['ticketId'], referencedTableName: 'ticket', referencedColumnNames: ['id'] },
          { columnNames: ['departmentCode'], referencedTableName: 'department', referencedColumnNames: ['code'] },
        ],
      }),
    );
    await queryRunner.createIndex('assignment', new TableIndex({ columnNames: ['ticketId'] }));
    await queryRunner.createIndex('assignment', new TableIndex({ columnNames: ['departmentCode', 'status'] }));
    await createAuditEventTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_event', 'assignment', 'ticket_sequence', 'ticket', 'category', 'department']) {
      await queryRunner.dropTable(table);
    }
  }
}
