import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addAuditDeliveryColumn } from '../../../../schema/audit/audit-event.table';

export class AuditOutbox1764400000000 implements MigrationInterface {
  name = 'AuditOutbox1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addAuditDeliveryColumn(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('audit_event', 'deliveredAt');
  }
}
