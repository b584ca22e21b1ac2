import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** The operators' knowledge base; codes are checked by the resolver, so no foreign keys to the catalogue. */
export class KnowledgeBase1764200000000 implements MigrationInterface {
  name = 'KnowledgeBase1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'knowledge_article',
        columns: [
          column.id(),
          column.string('titleZh', 200),
          column.string('titleEn', 200),
          column.text('bodyZh'),
          column.text('bodyEn'),
          column.string('categoryCode', 40, true),
          column.string('departmentCode', 40, true),
          column.time('validFrom'),
          column.time('validTo', true),
          column.time('updatedAt'),
        ],
      }),
    );
    await queryRunner.createIndex('knowledge_article', new TableIndex({ columnNames: ['categoryCode'] }));
    await queryRunner.createIndex('knowledge_article', new TableIndex({ columnNames: ['validFrom'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('knowledge_article');
  }
}
