import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The end of a ticket's chain, and the lock row that serialises appends to it:
 * a delivery bumps `version` first, which takes the row lock on MariaDB (SQLite
 * has one writer anyway), so two deliveries for one ticket cannot fork the chain.
 * It also lets verification notice events cut off the end of a chain.
 */
@Entity('trail_head')
export class TrailHead {
  @PrimaryColumn('varchar', { length: 36 })
  ticketId: string;

  @Column('int', { default: 0 })
  lastSeq: number;

  @Column('varchar', { length: 64 })
  lastHash: string;

  @Column('int', { default: 0 })
  version: number;

  @Column('datetime', { precision: 3 })
  updatedAt: Date;
}
