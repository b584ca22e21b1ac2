import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What oversight keeps of a ticket to count what happens to it later: the
 * dimensions its figures are cut by, and who answered for its current round.
 * Only ever derived from the feed; a rebuild makes it again.
 */
@Entity('ticket_fact')
export class TicketFact {
  @PrimaryColumn('varchar', { length: 36 })
  ticketId: string;

  @Column('varchar', { length: 40 })
  categoryCode: string;

  @Column('varchar', { length: 20 })
  channel: string;

  /** '' when intake recorded none */
  @Column('varchar', { length: 40 })
  district: string;

  @Column('varchar', { length: 20 })
  status: string;

  @Column('boolean', { default: false })
  supervised: boolean;

  /** Departments that reported in the round now waiting for the citizen's verdict, comma-separated */
  @Column('varchar', { length: 400, default: '' })
  roundDepartments: string;

  /** Departments of the round the citizen last judged (the one that closed or reopened the ticket) */
  @Column('varchar', { length: 400, default: '' })
  judgedDepartments: string;

  /** The citizen's own rating (ticket.rated), and the local day it is counted on */
  @Column('varchar', { length: 30, nullable: true })
  rating: string | null;

  @Column('varchar', { length: 8, nullable: true })
  ratingDay: string | null;

  /** Local day it was received, YYYYMMDD: where a merge moves its count from received to repeated */
  @Column('varchar', { length: 8, nullable: true })
  receivedDay: string | null;

  /** The primary it was merged into (并单), while it counts as a repeat */
  @Column('varchar', { length: 36, nullable: true })
  repeatOf: string | null;
}
