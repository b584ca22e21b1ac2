import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** The catalogue kept through the API: a department's contact and district, and retiring one without losing its history. */
export class DepartmentCatalogue1764600000000 implements MigrationInterface {
  name = 'DepartmentCatalogue1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('department', [
      new TableColumn(column.string('contact', 200, true)),
      new TableColumn(column.string('district', 40, true)),
      new TableColumn(column.boolean('active', true)),
      new TableColumn(column.time('retiredAt', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['retiredAt', 'active', 'district', 'contact']) await queryRunner.dropColumn('department', name);
  }
}
