import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

const content = () => [
  column.string('titleZh', 200),
  column.string('titleEn', 200),
  column.text('bodyZh'),
  column.text('bodyEn'),
  column.string('categoryCode', 40, true),
];

/** Departments keep their own knowledge: their drafts wait for the centre's review; every published version is kept. */
export class DepartmentKnowledge1764900000000 implements MigrationInterface {
  name = 'DepartmentKnowledge1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('knowledge_article', new TableColumn(column.int('version', 1)));
    await queryRunner.createTable(
      new Table({
        name: 'knowledge_article_version',
        columns: [
          { ...column.ref('articleId'), isPrimary: true },
          { ...column.int('version', 1), isPrimary: true },
          ...content(),
          column.string('departmentCode', 40, true),
          column.time('validFrom'),
          column.time('validTo', true),
          column.string('publishedBy', 100),
          column.string('proposedBy', 100, true),
          column.time('publishedAt'),
        ],
      }),
    );
    // the articles there before: their current text is their first version
    await queryRunner.query(
      `INSERT INTO knowledge_article_version (articleId, version, titleZh, titleEn, bodyZh, bodyEn, categoryCode, departmentCode, validFrom, validTo, publishedBy, proposedBy, publishedAt)
       SELECT id, 1, titleZh, titleEn, bodyZh, bodyEn, categoryCode, departmentCode, validFrom, validTo, 'before-versions', NULL, updatedAt FROM knowledge_article`,
    );
    await queryRunner.createTable(
      new Table({
        name: 'knowledge_draft',
        columns: [
          column.id(),
          column.ref('articleId', true),
          column.string('departmentCode', 40),
          column.string('status', 20),
          ...content(),
          column.time('validFrom'),
          column.time('validTo', true),
          column.string('proposedBy', 100),
          column.time('proposedAt'),
          column.string('reviewedBy', 100, true),
          column.time('reviewedAt', true),
          column.text('reviewNote', true),
        ],
      }),
    );
    await queryRunner.createIndex('knowledge_draft', new TableIndex({ columnNames: ['status', 'departmentCode'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('knowledge_draft');
    await queryRunner.dropTable('knowledge_article_version');
    await queryRunner.dropColumn('knowledge_article', 'version');
  }
}
