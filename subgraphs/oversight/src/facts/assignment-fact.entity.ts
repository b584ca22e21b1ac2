import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One department's part of a ticket as oversight follows it: its deadline in
 * force (extensions and supervision counted), whether it is still open, and
 * the ticket's dimensions, so open work past its deadline is counted live.
 */
@Entity('assignment_fact')
@Index(['ticketId'])
// open work past its deadline is counted from this index alone
@Index(['open', 'deadlineDay', 'departmentCode', 'deadline'])
export class AssignmentFact {
  @PrimaryColumn('varchar', { length: 36 })
  assignmentId: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  @Column('varchar', { length: 40 })
  departmentCode: string;

  @Column('varchar', { length: 40 })
  categoryCode: string;

  @Column('varchar', { length: 20 })
  channel: string;

  @Column('varchar', { length: 40 })
  district: string;

  @Column('varchar', { length: 20 })
  status: string;

  /** Pending, accepted, in progress or waiting for an extension: neither returned nor reported */
  @Column('boolean')
  open: boolean;

  @Column('datetime', { precision: 3 })
  dispatchedAt: Date;

  @Column('datetime', { precision: 3 })
  deadline: Date;

  /** The local day of `deadline`, YYYYMMDD: on-time and overdue are counted on it */
  @Column('varchar', { length: 8 })
  deadlineDay: string;

  /** Working days asked for in the extension request waiting for a supervisor */
  @Column('int', { nullable: true })
  pendingExtensionDays: number | null;

  @Column('boolean', { default: false })
  urged: boolean;
}
