import { type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { column } from '../database/columns';

/** Creates the `audit_event` table; every subgraph's first migration calls this. */
export async function createAuditEventTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'audit_event',
      columns: [
        column.id(),
        column.ref('ticketId'),
        column.string('subgraph', 40),
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
      ],
    }),
  );
  await queryRunner.createIndex('audit_event', new TableIndex({ columnNames: ['ticketId', 'occurredAt'] }));
}

/** Turns a subgraph's `audit_event` table into an outbox: each row waits until the audit service has it. */
export async function addAuditDeliveryColumn(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.addColumn('audit_event', new TableColumn(column.time('deliveredAt', true)));
  await queryRunner.createIndex('audit_event', new TableIndex({ columnNames: ['deliveredAt', 'occurredAt'] }));
}
