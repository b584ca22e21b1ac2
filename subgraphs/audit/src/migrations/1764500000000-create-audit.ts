import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

export class CreateAudit1764500000000 implements MigrationInterface {
  name = 'CreateAudit1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'trail_event',
        columns: [
          column.id(),
          column.ref('ticketId'),
          { ...column.int('ticketSeq'), isNullable: false },
          column.string('subgraph', 40),
          column.string('department', 40),
          column.string('action', 60),
          column.string('entityType', 40),
          column.ref('entityId'),
          column.string('fromState', 40, true),
          column.string('toState', 40, true),
          column.string('actorId', 100),
          column.string('actorRole', 200),
          column.string('requestId', 100),
          column.text('reason', true),
          column.text('data', true),
          column.time('occurredAt'),
          column.time('receivedAt'),
          column.string('prevHash', 64),
          column.string('hash', 64),
        ],
      }),
    );
    // unique: two deliveries racing for one ticket can never both take the same place in its chain
    await queryRunner.createIndex('trail_event', new TableIndex({ columnNames: ['ticketId', 'ticketSeq'], isUnique: true }));
    await queryRunner.createIndex('trail_event', new TableIndex({ columnNames: ['occurredAt', 'id'] }));
    await queryRunner.createIndex('trail_event', new TableIndex({ columnNames: ['actorId', 'occurredAt'] }));
    await queryRunner.createIndex('trail_event', new TableIndex({ columnNames: ['department', 'occurredAt'] }));
    await queryRunner.createIndex('trail_event', new TableIndex({ columnNames: ['action', 'ticketId'] }));
    await queryRunner.createTable(
      new Table({
        name: 'trail_head',
        columns: [column.id('ticketId'), column.int('lastSeq', 0), column.string('lastHash', 64), column.int('version', 0), column.time('updatedAt')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['trail_head', 'trail_event']) await queryRunner.dropTable(table);
  }
}
