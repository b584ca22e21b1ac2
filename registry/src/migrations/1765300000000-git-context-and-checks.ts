import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { column } from '../../../schema/database/columns';

const git = () => [column.string('gitCommit', 64, true), column.string('gitBranch', 200, true), column.string('gitAuthor', 200, true)];

/** Which commit each version came from, and every check kept and listable. */
export class GitContextAndChecks1765300000000 implements MigrationInterface {
  name = 'GitContextAndChecks1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('subgraph_version', git().map((options) => new TableColumn(options)));
    await queryRunner.createTable(
      new Table({
        name: 'schema_check',
        columns: [column.id(), column.string('name', 40), column.boolean('ok'), column.text('result'), ...git(), column.string('checkedBy', 100), column.time('checkedAt')],
      }),
    );
    await queryRunner.createIndex('schema_check', new TableIndex({ columnNames: ['name', 'checkedAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('schema_check');
    for (const name of ['gitAuthor', 'gitBranch', 'gitCommit']) await queryRunner.dropColumn('subgraph_version', name);
  }
}
