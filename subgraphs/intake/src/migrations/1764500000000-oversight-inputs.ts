import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';
import { column } from '../../../../schema/database/columns';

/** What the oversight figures need from intake: the district, citizens' own ratings, imported history's sources. */
export class OversightInputs1764500000000 implements MigrationInterface {
  name = 'OversightInputs1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('ticket', new TableColumn(column.string('district', 40, true)));
    await queryRunner.createTable(
      new Table({
        name: 'ticket_rating',
        columns: [
          { ...column.ref('ticketId'), isPrimary: true },
          column.string('rating', 30),
          column.text('comment', true),
          column.string('ratedBy', 100),
          column.time('firstRatedAt'),
          column.time('ratedAt'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'imported_ticket',
        // the source's own key: importing a record twice fails on it, whatever else happens
        columns: [{ ...column.string('sourceSystem', 40), isPrimary: true }, { ...column.string('sourceId', 100), isPrimary: true }, column.ref('ticketId'), column.time('importedAt')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('imported_ticket');
    await queryRunner.dropTable('ticket_rating');
    await queryRunner.dropColumn('ticket', 'district');
  }
}
