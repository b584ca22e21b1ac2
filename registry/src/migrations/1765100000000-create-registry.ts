import { type MigrationInterface, type QueryRunner, Table, TableIndex, type TableColumnOptions } from 'typeorm';
import { column } from '../../../schema/database/columns';

/**
 * A composed supergraph is ~40 KB today and grows with every department;
 * MySQL's TEXT stops at 64 KB, so SDLs get MEDIUMTEXT (16 MB) there. SQLite's
 * TEXT has no such limit.
 */
const sdlText = (queryRunner: QueryRunner, name: string): TableColumnOptions =>
  queryRunner.connection.options.type === 'mysql' ? { name, type: 'mediumtext' } : column.text(name);

// SQLite numbers rows by itself only for a column typed exactly INTEGER; MySQL reads `integer` as INT
const sequence = (name: string): TableColumnOptions => ({ name, type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });

export class CreateRegistry1765100000000 implements MigrationInterface {
  name = 'CreateRegistry1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const published = [column.string('publishedBy', 100), column.time('publishedAt'), column.text('reason', true)];
    await queryRunner.createTable(
      new Table({
        name: 'registered_subgraph',
        columns: [
          { ...column.string('name', 40), isPrimary: true },
          column.string('department', 40),
          column.string('routingUrl', 500),
          { ...column.int('version'), isNullable: false },
          sdlText(queryRunner, 'sdl'),
          ...published,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'subgraph_version',
        columns: [
          { ...column.string('name', 40), isPrimary: true },
          { ...column.int('version'), isNullable: false, isPrimary: true },
          column.string('department', 40),
          column.string('routingUrl', 500),
          sdlText(queryRunner, 'sdl'),
          ...published,
          column.boolean('forced'),
          column.string('action', 20),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'registry_event',
        columns: [
          sequence('seq'),
          column.string('action', 20),
          column.string('subgraph', 40),
          column.int('version'),
          column.string('actor', 100),
          column.time('at'),
          column.text('reason', true),
          column.boolean('forced'),
          { ...column.int('supergraphVersion'), isNullable: false },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'supergraph_version',
        columns: [
          { ...column.int('version'), isNullable: false, isPrimary: true },
          column.string('id', 64),
          sdlText(queryRunner, 'supergraphSdl'),
          column.text('subgraphs'),
          column.time('createdAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'usage_record',
        columns: [
          sequence('id'),
          column.string('day', 10),
          column.string('operationName', 150),
          column.string('clientName', 100),
          column.string('coordinate', 200),
          { ...column.int('count'), isNullable: false },
          column.time('lastSeenAt'),
        ],
      }),
    );
    // the key the usage upsert adds to; also serves "who used these coordinates since day X"
    await queryRunner.createIndex(
      'usage_record',
      new TableIndex({ name: 'usage_record_key', columnNames: ['coordinate', 'day', 'operationName', 'clientName'], isUnique: true }),
    );
    await queryRunner.createIndex('usage_record', new TableIndex({ name: 'usage_record_day', columnNames: ['day'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['usage_record', 'supergraph_version', 'registry_event', 'subgraph_version', 'registered_subgraph']) {
      await queryRunner.dropTable(table);
    }
  }
}
