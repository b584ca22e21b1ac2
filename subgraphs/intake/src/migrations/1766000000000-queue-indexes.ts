import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const BY_DEADLINE = 'IDX_assignment_status_deadline';
const DEPARTMENT_BY_DEADLINE = 'IDX_assignment_department_status_deadline';

/**
 * The queues read open assignments by deadline. Without these, the overdue and
 * due-soon lists across departments scanned every assignment ever dispatched
 * (10 M tickets: tens of millions of rows, almost all long closed), and a
 * department's queue sorted all of its open work on every page.
 */
export class QueueIndexes1766000000000 implements MigrationInterface {
  name = 'QueueIndexes1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // overdue / due soon across departments and the deadline clock: a range per open status
    await queryRunner.createIndex('assignment', new TableIndex({ name: BY_DEADLINE, columnNames: ['status', 'deadline', 'departmentCode'] }));
    // one department's queue: its open work in deadline order
    await queryRunner.createIndex('assignment', new TableIndex({ name: DEPARTMENT_BY_DEADLINE, columnNames: ['departmentCode', 'status', 'deadline'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('assignment', DEPARTMENT_BY_DEADLINE);
    await queryRunner.dropIndex('assignment', BY_DEADLINE);
  }
}
