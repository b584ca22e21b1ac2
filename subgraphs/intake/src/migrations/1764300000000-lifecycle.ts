import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** The work-order lifecycle: assignment progress, supervision, callbacks, idempotent intake. */
export class Lifecycle1764300000000 implements MigrationInterface {
  name = 'Lifecycle1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('assignment', [
      new TableColumn(column.time('acceptedAt', true)),
      new TableColumn(column.text('returnReason', true)),
      new TableColumn(column.text('result', true)),
      new TableColumn(column.time('reportedAt', true)),
      new TableColumn(column.int('extensionDays')),
      new TableColumn(column.text('extensionReason', true)),
      new TableColumn(column.int('extensionsGranted', 0)),
      new TableColumn(column.int('urgeCount', 0)),
      new TableColumn(column.time('lastUrgedAt', true)),
      new TableColumn(column.time('updatedAt', true)),
      new TableColumn(column.int('version', 1)),
    ]);
    // rows from before this migration: their last change was the dispatch
    await queryRunner.query('UPDATE assignment SET updatedAt = dispatchedAt WHERE updatedAt IS NULL');
    await queryRunner.addColumns('ticket', [
      new TableColumn({ ...column.string('supervision', 20), default: "'NONE'" }),
      new TableColumn(column.text('closeExplanation', true)),
      new TableColumn(column.ref('answeredArticleId', true)),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'callback',
        columns: [
          column.id(),
          column.ref('ticketId'),
          column.string('result', 30),
          column.text('note', true),
          column.string('calledBy', 100),
          column.time('calledAt'),
        ],
      }),
    );
    await queryRunner.createIndex('callback', new TableIndex({ columnNames: ['ticketId', 'calledAt'] }));
    await queryRunner.createTable(
      new Table({
        name: 'intake_request',
        columns: [{ ...column.string('idempotencyKey', 100), isPrimary: true }, column.ref('ticketId'), column.string('inputHash', 64), column.time('createdAt')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('intake_request');
    await queryRunner.dropTable('callback');
    for (const name of ['answeredArticleId', 'closeExplanation', 'supervision']) await queryRunner.dropColumn('ticket', name);
    for (const name of ['version', 'updatedAt', 'lastUrgedAt', 'urgeCount', 'extensionsGranted', 'extensionReason', 'extensionDays', 'reportedAt', 'result', 'returnReason', 'acceptedAt']) {
      await queryRunner.dropColumn('assignment', name);
    }
  }
}
