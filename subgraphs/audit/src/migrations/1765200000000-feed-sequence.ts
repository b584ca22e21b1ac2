import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { column } from '../../../../schema/database/columns';

const FEED_SEQ_INDEX = 'IDX_trail_event_feed_seq';

/** Numbers every stored event for the feed readers (oversight), in the order the events were stored. */
export class FeedSequence1765200000000 implements MigrationInterface {
  name = 'FeedSequence1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('trail_event', new TableColumn(column.int('feedSeq')));
    // the events stored so far, in arrival order; a ticket's own chain order breaks ties within a delivery
    const numbered = 'SELECT id, ROW_NUMBER() OVER (ORDER BY receivedAt, ticketId, ticketSeq) AS n FROM trail_event';
    if (queryRunner.connection.options.type === 'mysql') {
      await queryRunner.query(`UPDATE trail_event t JOIN (${numbered}) r ON r.id = t.id SET t.feedSeq = r.n`);
    } else {
      await queryRunner.query(`UPDATE trail_event SET feedSeq = r.n FROM (${numbered}) AS r WHERE r.id = trail_event.id`);
    }
    await queryRunner.createIndex('trail_event', new TableIndex({ name: FEED_SEQ_INDEX, columnNames: ['feedSeq'], isUnique: true }));
    await queryRunner.createTable(new Table({ name: 'trail_feed_head', columns: [{ ...column.int('id'), isPrimary: true, isNullable: false }, column.int('lastSeq', 0)] }));
    await queryRunner.query('INSERT INTO trail_feed_head (id, lastSeq) SELECT 1, COALESCE(MAX(feedSeq), 0) FROM trail_event');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('trail_feed_head');
    await queryRunner.dropIndex('trail_event', FEED_SEQ_INDEX);
    await queryRunner.dropColumn('trail_event', 'feedSeq');
  }
}
