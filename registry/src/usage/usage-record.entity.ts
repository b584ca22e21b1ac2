import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How often an operation selected a schema coordinate on one (UTC) day.
 * Daily rows keep the table small however often the gateway flushes; the
 * window is counted in whole days.
 */
@Entity('usage_record')
export class UsageRecord {
  @PrimaryGeneratedColumn('increment')
  id: number;

  /** `YYYY-MM-DD`, UTC. */
  @Column('varchar', { length: 10 })
  day: string;

  @Column('varchar', { length: 150 })
  operationName: string;

  /** '' when the client did not say: a NULL would slip past the unique key. */
  @Column('varchar', { length: 100 })
  clientName: string;

  /** `Type.field` of the API schema. */
  @Column('varchar', { length: 200 })
  coordinate: string;

  @Column('int')
  count: number;

  @Column('datetime', { precision: 3 })
  lastSeenAt: Date;
}
