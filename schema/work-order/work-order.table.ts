import { type QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../database/columns';

/** The `work_order` table of a department subgraph, matching `WorkOrderBase`. */
export async function createWorkOrderTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'work_order',
      columns: [
        column.id(),
        column.ref('ticketId'),
        column.ref('assignmentId'),
        column.string('assetCode', 40, true),
        column.text('description'),
        column.string('crew', 100, true),
        column.string('status', 20),
        column.text('result', true),
        column.time('createdAt'),
        column.time('updatedAt'),
        column.time('completedAt', true),
        column.int('version', 1),
      ],
    }),
  );
  await queryRunner.createIndex('work_order', new TableIndex({ columnNames: ['ticketId'] }));
}
