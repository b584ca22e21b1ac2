import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * A department's ticket list asks, for each ticket, whether an assignment of
 * that department exists: (ticketId, departmentCode) answers from the index
 * alone instead of reading every assignment row of the ticket.
 */
export class AssignmentByDepartment1765100000000 implements MigrationInterface {
  name = 'AssignmentByDepartment1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('assignment', new TableIndex({ name: 'IDX_assignment_ticket_department', columnNames: ['ticketId', 'departmentCode'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('assignment', 'IDX_assignment_ticket_department');
  }
}
