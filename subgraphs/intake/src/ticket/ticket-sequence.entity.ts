import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last ticket number handed out on a given local day; see ticket-number.ts. */
@Entity('ticket_sequence')
export class TicketSequence {
  @PrimaryColumn('varchar', { length: 8 })
  day: string;

  @Column('int', { default: 0 })
  lastValue: number;
}
