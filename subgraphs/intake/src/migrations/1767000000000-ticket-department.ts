import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/**
 * The departments each ticket went to (see TicketDepartment), filled from the
 * assignments already stored: one row per ticket and department, however many
 * times it was dispatched there. At 1 M tickets the fill reads every
 * assignment once; it runs before the services take requests, like every
 * migration.
 */
export class TicketDepartment1767000000000 implements MigrationInterface {
  name = 'TicketDepartment1767000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ticket_department',
        columns: [
          { ...column.ref('ticketId'), isPrimary: true },
          { ...column.string('departmentCode', 40), isPrimary: true },
          column.time('ticketCreatedAt'),
          column.string('ticketStatus', 20),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO ticket_department (ticketId, departmentCode, ticketCreatedAt, ticketStatus)
       SELECT t.id, d.departmentCode, t.createdAt, t.status
       FROM (SELECT DISTINCT ticketId, departmentCode FROM assignment) d JOIN ticket t ON t.id = d.ticketId`,
    );
    await queryRunner.createIndex('ticket_department', new TableIndex({ name: 'IDX_ticket_department_recent', columnNames: ['departmentCode', 'ticketCreatedAt', 'ticketId'] }));
    await queryRunner.createIndex('ticket_department', new TableIndex({ name: 'IDX_ticket_department_status', columnNames: ['departmentCode', 'ticketStatus', 'ticketCreatedAt', 'ticketId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ticket_department');
  }
}
