import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

const BY_SUBGRAPH = 'IDX_trail_event_subgraph_occurred';
const BY_ACTION = 'IDX_trail_event_action_occurred';

/**
 * Audit search pages newest first, so each filter needs its column followed by
 * occurredAt (InnoDB appends the id). Searching by subgraph had no index and
 * read the whole trail; by action it read every event of that action (one per
 * ticket for `ticket.created`) and sorted them for each page.
 */
export class SearchIndexes1766000000100 implements MigrationInterface {
  name = 'SearchIndexes1766000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('trail_event', new TableIndex({ name: BY_SUBGRAPH, columnNames: ['subgraph', 'occurredAt'] }));
    await queryRunner.createIndex('trail_event', new TableIndex({ name: BY_ACTION, columnNames: ['action', 'occurredAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('trail_event', BY_ACTION);
    await queryRunner.dropIndex('trail_event', BY_SUBGRAPH);
  }
}
