import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who runs a periodic job now: one row per job, held by one replica until it expires. */
@Entity('clock_lease')
export class ClockLease {
  @PrimaryColumn('varchar', { length: 40 })
  name: string;

  @Column('varchar', { length: 100 })
  holder: string;

  @Column('datetime', { precision: 3 })
  expiresAt: Date;
}
